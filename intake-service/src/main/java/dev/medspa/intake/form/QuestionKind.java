package dev.medspa.intake.form;

/** How a question is answered. */
public enum QuestionKind {

	/** {@code yes} or {@code no}. */
	YES_NO,

	/** One of the question's choices. */
	CHOICE,

	/** Free text, up to {@link Question#MAX_TEXT} characters. */
	TEXT,

	/** A calendar date, {@code YYYY-MM-DD}. */
	DATE

}
