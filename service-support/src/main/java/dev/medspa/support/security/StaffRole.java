package dev.medspa.support.security;

/**
 * The roles of staff, from the narrowest to the widest. The full permission matrix grows
 * with the next features; the roles are named once here.
 */
public enum StaffRole {

	/** Runs the day at their locations: day sheet, check-in, completion, no-show. */
	FRONT_DESK("Front desk"),

	/**
	 * Gives treatments at their locations: sees the day there and, with managers of the
	 * location only, reads clients' health answers and reviews them.
	 */
	PRACTITIONER("Practitioner"),

	/** Also keeps schedules and the catalog of their locations. */
	MANAGER("Manager"),

	/** Owns the chain: every location, staff accounts. */
	OWNER("Owner");

	private final String label;

	StaffRole(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The Spring Security authority a token with this role grants. */
	public String authority() {
		return "ROLE_" + name();
	}

}
