package dev.medspa.catalog.treatment.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import dev.medspa.catalog.treatment.TreatmentDefinition;
import dev.medspa.events.TreatmentId;
import dev.medspa.events.catalog.TreatmentState;
import org.jspecify.annotations.Nullable;

/**
 * A treatment as a manager sends it. Every field is checked, and every invalid one is
 * named in the answer.
 *
 * @param slug lower-case words joined by dashes; the id of a new treatment
 * @param preparation time before the treatment that the room and practitioner are needed,
 * e.g. numbing
 * @param aftercare the follow-up steps; they are kept in the order of their offsets
 * @param deviceTypes devices a booking takes with its room, one of each type (for example
 * microneedling-pen); none when absent
 */
record TreatmentRequest(@NotBlank @Size(max = 60) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) @Nullable String slug,
		@NotBlank @Size(max = 100) @Nullable String name,
		@NotBlank @Size(max = 40) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) @Nullable String category,
		@Size(max = 2000) @Nullable String description,
		@NotNull @DurationMin(minutes = 5) @DurationMax(hours = 8) @Nullable Duration duration,
		@NotNull @DurationMin(minutes = 0) @DurationMax(hours = 2) @Nullable Duration preparation,
		@NotNull @DurationMin(minutes = 0) @DurationMax(hours = 2) @Nullable Duration cleanup,
		@NotNull @DecimalMin("0.00") @Digits(integer = 6, fraction = 2) @Nullable BigDecimal price,
		@NotBlank @Pattern(regexp = "[A-Z]{3}",
				message = "must be an ISO 4217 code such as USD") @Nullable String currency,
		@NotBlank @Size(max = 40) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) @Nullable String roomType,
		@NotBlank @Size(max = 40) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) @Nullable String qualification,
		@Valid @Nullable Consultation consultation, @Valid @Nullable Series series,
		@Size(max = 20) @Nullable List<@Valid @NotNull AftercareStep> aftercare,
		@Size(max = 2000) @Nullable String preCare,
		@Size(max = 5) @Nullable List<@NotBlank @Size(max = 40) @Pattern(regexp = SLUG,
				message = SLUG_MESSAGE) String> deviceTypes) {

	static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

	static final String SLUG_MESSAGE = "must be lower-case letters and digits joined by dashes, such as micro-needling";

	@SuppressWarnings("NullAway") // bean validation has checked the required fields
	TreatmentDefinition toDefinition() {
		return new TreatmentDefinition(this.slug, this.name, this.category,
				this.description == null ? "" : this.description, this.duration, this.preparation, this.cleanup,
				this.price, this.currency, this.roomType, this.qualification,
				this.consultation == null ? null : new TreatmentState.ConsultationRule(
						new TreatmentId(this.consultation.consultationTreatment()), this.consultation.validFor()),
				this.series == null ? null
						: new TreatmentState.SeriesRule(this.series.sessions(), this.series.minimumSpacing(),
								this.series.recommendedSpacing()),
				this.aftercare == null ? List.of()
						: this.aftercare.stream()
							.map(step -> new TreatmentState.AftercareStep(step.key(), step.offset(), step.message()))
							.toList(),
				this.preCare, this.deviceTypes == null ? List.of() : this.deviceTypes.stream().distinct().toList());
	}

	/**
	 * @param validFor how long after the consultation it still counts, e.g. P6M
	 */
	record Consultation(@NotBlank @Nullable String consultationTreatment, @NotNull @Nullable Period validFor) {
	}

	record Series(@NotNull @Min(1) @Max(20) @Nullable Integer sessions, @NotNull @Nullable Period minimumSpacing,
			@NotNull @Nullable Period recommendedSpacing) {
	}

	/**
	 * @param offset time after completion, e.g. PT24H
	 */
	record AftercareStep(@NotBlank @Size(max = 40) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) @Nullable String key,
			@NotNull @DurationMin(minutes = 0) @DurationMax(days = 365) @Nullable Duration offset,
			@NotBlank @Size(max = 2000) @Nullable String message) {
	}

}
