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
