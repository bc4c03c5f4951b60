package dev.medspa.intake.form;

/** What a form is for. */
public enum FormKind {

	/**
	 * Health questions a practitioner needs answered before the treatment. An answer
	 * recent enough is not asked again.
	 */
	HEALTH,

	/**
	 * What the client agrees to. Signed once per version: a new version is signed again.
	 */
	CONSENT

}
