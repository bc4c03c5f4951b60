package dev.medspa.intake.intake;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The newest submission of one client to one form, so a later booking does not ask again
 * what is still current. Its id is {@code <client e-mail>|<template>}.
 */
@Document(ClientForm.COLLECTION)
public record ClientForm(@Id String id, String submissionId, String bookingId, String contentHash, Instant submittedAt,
		boolean flagged) {

	public static final String COLLECTION = "client_forms";

	public static String idOf(String clientEmail, String templateId) {
		return clientEmail + "|" + templateId;
	}

}
