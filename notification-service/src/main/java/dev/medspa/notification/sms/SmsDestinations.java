package dev.medspa.notification.sms;

import java.util.List;
import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.medspa.notification.sms.SmsSender.SmsRejected;

import org.springframework.stereotype.Component;

/**
 * Which numbers the clinic texts: valid numbers of the allowed countries, never premium
 * rate or shared cost. Anyone can type a phone number into a booking, so without this a
 * stranger could make the clinic pay for texts to numbers that earn the stranger money.
 */
@Component
public class SmsDestinations {

	private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

	private static final List<PhoneNumberType> NEVER = List.of(PhoneNumberType.PREMIUM_RATE,
			PhoneNumberType.SHARED_COST, PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL);

	private final List<String> allowedRegions;

	private final String defaultCountryCode;

	public SmsDestinations(SmsProperties properties) {
		this.allowedRegions = properties.allowedRegions().stream().map(r -> r.toUpperCase(Locale.ROOT)).toList();
		this.defaultCountryCode = properties.defaultCountryCode();
	}

	/**
	 * @throws SmsRejected when the number may not be texted; that is final, nothing is
	 * retried
	 */
	public void check(String phone) {
		String e164 = PhoneNumbers.toE164(phone, this.defaultCountryCode);
		PhoneNumber number;
		try {
			number = NUMBERS.parse(e164, null);
		}
		catch (NumberParseException ex) {
			throw new SmsRejected("Not a phone number: " + PhoneNumbers.masked(phone), null);
		}
		String region = NUMBERS.getRegionCodeForNumber(number);
		if (region == null || !NUMBERS.isValidNumber(number) || !this.allowedRegions.contains(region)) {
			throw new SmsRejected("Texts go only to numbers in " + String.join(", ", this.allowedRegions) + "; "
					+ PhoneNumbers.masked(phone) + " is not one", null);
		}
		if (NEVER.contains(NUMBERS.getNumberType(number))) {
			throw new SmsRejected(
					"Texts never go to premium-rate or shared-cost numbers such as " + PhoneNumbers.masked(phone),
					null);
		}
	}

}
