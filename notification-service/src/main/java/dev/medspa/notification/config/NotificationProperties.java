package dev.medspa.notification.config;

import java.time.Duration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param from the sender address of every e-mail
 * @param clinicName how messages sign and name the sender
 * @param sendLease how long a sender holds a message it claimed before another may take
 * it over
 */
@Validated
@ConfigurationProperties("medspa.notification")
public record NotificationProperties(@DefaultValue("bookings@clinic.example") @Email @NotBlank String from,
		@DefaultValue("Evergreen Med Spa") @NotBlank String clinicName, @DefaultValue("PT2M") Duration sendLease,
		@DefaultValue("http://127.0.0.1:8082/api/manage/") @NotBlank String manageUrl) {
}
