package dev.medspa.catalog.location.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.medspa.catalog.location.LocationDefinition;
import dev.medspa.events.catalog.LocationState;
import org.jspecify.annotations.Nullable;

/**
 * A location as a manager sends it.
 *
 * @param zoneId the IANA time zone, e.g. America/Los_Angeles
 * @param openingHours opening ranges per weekday in the location's zone; several a day
 * make breaks
 * @param rooms rooms, each with an id that stays the same across changes
 * @param devices equipment the rooms share (a micro-needling pen, a centrifuge), each
 * with an id that stays the same across changes
 * @param treatments ids of the treatments offered here
 */
record LocationRequest(@NotBlank @Size(max = 60) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) @Nullable String slug,
		@NotBlank @Size(max = 100) @Nullable String name, @NotNull @Valid @Nullable AddressRequest address,
		@NotBlank @Pattern(regexp = "\\+?[0-9][0-9 ().-]{5,23}",
				message = "must be a phone number such as +1 925 555 0100") @Nullable String phone,
		@NotBlank @Nullable String zoneId, @Size(max = 50) @Nullable List<@Valid @NotNull Hours> openingHours,
		@NotNull @Size(min = 1, max = 50) @Nullable List<@Valid @NotNull RoomRequest> rooms,
		@Size(max = 50) @Nullable List<@Valid @NotNull DeviceRequest> devices,
		@Size(max = 200) @Nullable List<@NotBlank String> treatments) {

	static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

	static final String SLUG_MESSAGE = "must be lower-case letters and digits joined by dashes, such as walnut-creek";

	@SuppressWarnings("NullAway") // bean validation has checked the required fields
	LocationDefinition toDefinition() {
		return new LocationDefinition(
				this.slug, this.name, new LocationState.Address(this.address.street(), this.address.city(),
						this.address.region(), this.address.postalCode(), this.address.country()),
				this.phone, this.zoneId,
				this.openingHours == null ? List.of()
						: this.openingHours.stream()
							.map(h -> new LocationState.OpeningHours(h.day(), h.opens(), h.closes()))
							.toList(),
				this.rooms.stream()
					.map(r -> new LocationState.Room(r.id(), r.name(), r.type(), r.active() == null || r.active()))
					.toList(),
				this.devices == null ? List.of() : this.devices.stream()
					.map(d -> new LocationState.Device(d.id(), d.name(), d.type(), d.active() == null || d.active()))
					.toList(),
				this.treatments == null ? List.of() : this.treatments);
	}

	/**
	 * @param country an ISO 3166 two-letter code
	 */
	record AddressRequest(@NotBlank @Size(max = 200) @Nullable String street,
			@NotBlank @Size(max = 100) @Nullable String city, @NotBlank @Size(max = 100) @Nullable String region,
			@NotBlank @Size(max = 20) @Nullable String postalCode, @NotBlank @Pattern(regexp = "[A-Z]{2}",
					message = "must be a two-letter country code such as US") @Nullable String country) {
	}

	record Hours(@NotNull @Nullable DayOfWeek day, @NotNull @Nullable LocalTime opens,
			@NotNull @Nullable LocalTime closes) {
	}

	/**
	 * @param type what treatments ask for, e.g. treatment-room
	 * @param active false takes it out of use; absent means true
	 */
	record RoomRequest(@NotBlank @Size(max = 60) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) @Nullable String id,
			@NotBlank @Size(max = 100) @Nullable String name,
			@NotBlank @Size(max = 40) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) @Nullable String type,
			@Nullable Boolean active) {
	}

	/**
	 * @param type what treatments ask for, e.g. microneedling-pen
	 * @param active false while out of service; absent means true
	 */
	record DeviceRequest(@NotBlank @Size(max = 60) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) @Nullable String id,
			@NotBlank @Size(max = 100) @Nullable String name,
			@NotBlank @Size(max = 40) @Pattern(regexp = SLUG, message = SLUG_MESSAGE) @Nullable String type,
			@Nullable Boolean active) {
	}

}
