package dev.medspa.gateway.pages;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a client types at checkout; checked by booking-service, whose field errors the
 * page shows next to each field.
 */
public class ClientForm {

	private String name = "";

	private String email = "";

	private String phone = "";

	private boolean consentToSms;

	private String emailCode = "";

	private String acceptedPolicy = "";

	private String paymentMethod = "";

	private boolean usePackage;

	/**
	 * Pay with a session of the client's prepaid package instead of a deposit; whether
	 * they have one with a session left is booking-service's to say.
	 */
	public boolean isUsePackage() {
		return this.usePackage;
	}

	public void setUsePackage(boolean usePackage) {
		this.usePackage = usePackage;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public boolean isConsentToSms() {
		return this.consentToSms;
	}

	public void setConsentToSms(boolean consentToSms) {
		this.consentToSms = consentToSms;
	}

	/** The code e-mailed to the client, asked for where the rules read their history. */
	public String getEmailCode() {
		return this.emailCode;
	}

	public void setEmailCode(String emailCode) {
		this.emailCode = emailCode;
	}

	/**
	 * The version of the cancellation policy the client accepted: the value of the "I
	 * accept this policy" box, empty while it is not ticked.
	 */
	public String getAcceptedPolicy() {
		return this.acceptedPolicy;
	}

	public void setAcceptedPolicy(String acceptedPolicy) {
		this.acceptedPolicy = acceptedPolicy;
	}

	/**
	 * The payment provider's token of the client's card ({@code pm_...}); never a card
	 * number.
	 */
	public String getPaymentMethod() {
		return this.paymentMethod;
	}

	public void setPaymentMethod(String paymentMethod) {
		this.paymentMethod = paymentMethod;
	}

	/**
	 * Adds what the client gave for a cancellation policy to a booking request: the
	 * version accepted and the card's token, each only when given.
	 */
	void addPolicyConsent(Map<String, Object> request) {
		String version = this.acceptedPolicy.strip();
		if (version.matches("[1-9][0-9]{0,8}")) {
			request.put("policyAcceptance", Map.of("version", Integer.parseInt(version)));
		}
		if (!this.paymentMethod.isBlank()) {
			request.put("paymentMethod", this.paymentMethod.strip());
		}
	}

	/** Asks for a session of the client's package to pay, when they ticked the box. */
	void addPackageUse(Map<String, Object> request) {
		if (this.usePackage) {
			request.put("usePackage", true);
		}
	}

	/** The client as requests to booking-service name them ({@code client}). */
	Map<String, Object> client() {
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("name", this.name);
		client.put("email", this.email);
		client.put("phone", this.phone);
		client.put("consentToSms", this.consentToSms);
		return client;
	}

}
