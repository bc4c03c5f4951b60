package dev.medspa.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * What clients hear: confirmations, reminders, pre-care, aftercare and rebooking nudges,
 * each sent once, on time, in the location's zone.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotificationApplication.class, args);
	}

}
