package dev.medspa.intake.demo;

import java.util.List;

import dev.medspa.intake.form.FormContent;
import dev.medspa.intake.form.FormKind;
import dev.medspa.intake.form.FormLibrary;
import dev.medspa.intake.form.Question;
import dev.medspa.intake.form.QuestionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's micro-needling health questionnaire and consent, published once as
 * version 1 (publishing the same content again changes nothing, so every start may run
 * this). The questions follow what clinics ask before micro-needling; any "yes" is for a
 * practitioner to review, never a refusal by itself.
 */
@Component
@ConditionalOnProperty(name = "medspa.intake.demo-forms", havingValue = "true")
class DemoForms implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoForms.class);

	static final List<String> TREATMENTS = List.of("microneedling", "microneedling-prp");

	private final FormLibrary library;

	DemoForms(FormLibrary library) {
		this.library = library;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.library.templates().isEmpty()) {
			this.library.publish("microneedling-health", FormKind.HEALTH, TREATMENTS, health(), "demo");
			this.library.publish("microneedling-consent", FormKind.CONSENT, TREATMENTS, consent(), "demo");
			log.info("Demo forms published: micro-needling health questions and consent");
		}
	}

	static FormContent health() {
		return new FormContent("Health questions before micro-needling", List.of(
				"A few questions about your skin and health. Some things make micro-needling unsafe for a while, or "
						+ "mean your practitioner should take a closer look first.",
				"A \"yes\" does not cancel your visit: your practitioner reads your answers before the day and gets "
						+ "in touch if anything needs to change. Only the practitioners and the manager of your clinic "
						+ "can read them."),
				List.of(yesNo("skin-infection",
						"Do you have a skin infection or a cold-sore outbreak where you are being treated?", null),
						yesNo("active-acne", "Do you have active, inflamed acne in that area?", null),
						yesNo("isotretinoin",
								"Have you taken isotretinoin (for example Accutane) in the last six months?", null),
						yesNo("pregnant", "Are you pregnant or breastfeeding?", null),
						yesNo("keloids", "Do you tend to form keloids or raised scars?", null),
						yesNo("bleeding", "Do you take blood thinners, or have a bleeding disorder?",
								"Aspirin taken daily counts."),
						yesNo("cancer-treatment", "Have you had radiation or chemotherapy recently?", null),
						yesNo("skin-flare", "Is eczema, psoriasis or rosacea flaring in the area?", null),
						yesNo("sunburn", "Is the area sunburnt?", null),
						yesNo("retinoids", "Have you used retinoids or exfoliating acids in the last five days?",
								"Retinol, tretinoin, glycolic or salicylic acid products."),
						yesNo("injectables", "Have you had injectables or fillers in the last two weeks?", null),
						new Question("other", QuestionKind.TEXT, "Anything else your practitioner should know?", null,
								false, List.of(), List.of())),
				90);
	}

	static FormContent consent() {
		return new FormContent("Consent to micro-needling", List.of(
				"Micro-needling makes many tiny punctures in the skin with a sterile pen, after a numbing cream, so "
						+ "that the skin repairs itself and builds new collagen.",
				"Your skin is expected to be red and a little swollen for a day or two, like a mild sunburn. Rarely, "
						+ "the skin can become infected, change colour, or scar.",
				"Results build over weeks and usually need a series of sessions; they differ from person to person.",
				"Afterwards you follow the aftercare we send you: no makeup for a day, gentle products only, strict "
						+ "sun protection for a week, no retinoids or acids until your skin has settled."),
				List.of(new Question("understood", QuestionKind.YES_NO,
						"I have read the above and agree to be treated with micro-needling.", null, true, List.of(),
						List.of("no")),
						new Question("aftercare", QuestionKind.YES_NO, "I will follow the aftercare I am sent.", null,
								true, List.of(), List.of("no")),
						new Question("photos", QuestionKind.YES_NO,
								"The clinic may take photos of the treated area for my record (never shown to anyone "
										+ "else).",
								null, true, List.of(), List.of())),
				0);
	}

	private static Question yesNo(String id, String label, @org.jspecify.annotations.Nullable String help) {
		return new Question(id, QuestionKind.YES_NO, label, help, true, List.of(), List.of("yes"));
	}

}
