package dev.medspa.intake.form;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a form version says and asks: the text a client reads and signs.
 *
 * @param intro paragraphs shown before the questions (for a consent, what is agreed to)
 * @param validForDays how long a health questionnaire's answers stand for later bookings
 * (0: asked for every booking); a consent stands until a new version is published
 */
public record FormContent(String title, List<String> intro, List<Question> questions, int validForDays) {

	public FormContent {
		intro = intro == null ? List.of() : List.copyOf(intro);
		questions = questions == null ? List.of() : List.copyOf(questions);
	}

	/**
	 * The SHA-256 of the content, in hex: what a signature refers to. Every part of the
	 * content goes in, each length-prefixed, so two different contents never read alike.
	 */
	public String hash() {
		StringBuilder canonical = new StringBuilder();
		part(canonical, this.title);
		part(canonical, String.valueOf(this.validForDays));
		part(canonical, String.valueOf(this.intro.size()));
		this.intro.forEach(paragraph -> part(canonical, paragraph));
		part(canonical, String.valueOf(this.questions.size()));
		for (Question question : this.questions) {
			part(canonical, question.id());
			part(canonical, question.kind().name());
			part(canonical, question.label());
			part(canonical, question.help() == null ? "" : question.help());
			part(canonical, String.valueOf(question.required()));
			part(canonical, String.join("\u001f", question.choices()));
			part(canonical, String.join("\u001f", question.flagWhen()));
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static void part(StringBuilder canonical, String text) {
		canonical.append(text.length()).append(':').append(text).append('\n');
	}

}
