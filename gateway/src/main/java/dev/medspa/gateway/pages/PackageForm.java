package dev.medspa.gateway.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a client types to buy a package; checked by booking-service, whose field errors
 * the page shows next to each field.
 */
public class PackageForm {

	private String name = "";

	private String email = "";

	private String phone = "";

	private String emailCode = "";

	private String paymentMethod = "";

	private String purchaseId = "";

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

	/** The code e-mailed to the client, asked for when booking-service wants one. */
	public String getEmailCode() {
		return this.emailCode;
	}

	public void setEmailCode(String emailCode) {
		this.emailCode = emailCode;
	}

	/** The test provider's token of the card ({@code pm_...}); never a card number. */
	public String getPaymentMethod() {
		return this.paymentMethod;
	}

	public void setPaymentMethod(String paymentMethod) {
		this.paymentMethod = paymentMethod;
	}

	/**
	 * Chosen once when the page opens and sent back with every try, so that a second
	 * click or a retry after a lost answer is the same purchase and charges once.
	 */
	public String getPurchaseId() {
		return this.purchaseId;
	}

	public void setPurchaseId(String purchaseId) {
		this.purchaseId = purchaseId;
	}

	/** A new purchase id, unless the page already sent a readable one. */
	void keepOrStartPurchase() {
		try {
			this.purchaseId = UUID.fromString(this.purchaseId.strip()).toString();
		}
		catch (IllegalArgumentException unreadable) {
			this.purchaseId = UUID.randomUUID().toString();
		}
	}

	/** The request of {@code POST /api/packages}. */
	Map<String, Object> request(String offerId) {
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("name", this.name);
		client.put("email", this.email);
		client.put("phone", this.phone);
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("offerId", offerId);
		request.put("client", client);
		if (!this.emailCode.isBlank()) {
			request.put("emailCode", this.emailCode.strip());
		}
		request.put("paymentMethod", this.paymentMethod.strip());
		request.put("purchaseId", this.purchaseId);
		return request;
	}

}
