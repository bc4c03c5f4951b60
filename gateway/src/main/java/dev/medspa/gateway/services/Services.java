package dev.medspa.gateway.services;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.medspa.gateway.identity.AccessTokens;
import dev.medspa.gateway.identity.StaffAccount;
import dev.medspa.gateway.identity.StaffAccounts;
import dev.medspa.gateway.routes.ServiceInstances;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The pages' calls to the services. Public calls go as the client would make them; staff
 * calls carry a short-lived access token issued for the signed-in member (token relay),
 * so each service decides from the member's own roles and locations.
 */
@Component
public class Services {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient catalog;

	private final RestClient booking;

	private final RestClient notification;

	private final RestClient intake;

	private final AccessTokens tokens;

	private final StaffAccounts accounts;

	/**
	 * @param balancer sends each call for {@code http://<service>} to a live instance of
	 * it (the proxy of the API routes uses the plain builder, so it is given here, not as
	 * a bean)
	 */
	Services(RestClient.Builder builder, LoadBalancerClient balancer, AccessTokens tokens, StaffAccounts accounts) {
		SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
		timeouts.setConnectTimeout(Duration.ofSeconds(2));
		timeouts.setReadTimeout(Duration.ofSeconds(15));
		RestClient.Builder common = builder.clone()
			.requestFactory(timeouts)
			.requestInterceptor(new LoadBalancerInterceptor(balancer))
			.requestInterceptor(Services::withClientAddress)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw problem(response);
			});
		this.catalog = common.clone().baseUrl("http://" + ServiceInstances.CATALOG).build();
		this.booking = common.clone().baseUrl("http://" + ServiceInstances.BOOKING).build();
		this.notification = common.clone().baseUrl("http://" + ServiceInstances.NOTIFICATION).build();
		this.intake = common.clone().baseUrl("http://" + ServiceInstances.INTAKE).build();
		this.tokens = tokens;
		this.accounts = accounts;
	}

	// catalog, public

	public List<Map<String, Object>> treatments() {
		return content(this.catalog.get().uri("/api/treatments?size=100").retrieve().body(MAP));
	}

	public Optional<Map<String, Object>> treatment(String id) {
		return optional(() -> this.catalog.get().uri("/api/treatments/{id}", id).retrieve().body(MAP));
	}

	public List<Map<String, Object>> locations() {
		return content(this.catalog.get().uri("/api/locations?size=100").retrieve().body(MAP));
	}

	public Optional<Map<String, Object>> location(String id) {
		return optional(() -> this.catalog.get().uri("/api/locations/{id}", id).retrieve().body(MAP));
	}

	/** Who gives a treatment (any, when null) at a location. */
	public List<Map<String, Object>> practitioners(@Nullable String treatment, String location) {
		return content(this.catalog.get()
			.uri(uri -> uri.path("/api/practitioners")
				.queryParamIfPresent("treatment", Optional.ofNullable(treatment))
				.queryParam("location", location)
				.queryParam("size", 100)
				.build())
			.retrieve()
			.body(MAP));
	}

	// booking, public

	public Map<String, Object> availability(String treatment, String location, LocalDate from, LocalDate to,
			@Nullable String practitioner) {
		return search("/api/availability", treatment, location, from, to, practitioner);
	}

	/** Which local days of a range have at least one free start. */
	public Map<String, Object> availableDays(String treatment, String location, LocalDate from, LocalDate to,
			@Nullable String practitioner) {
		return search("/api/availability/days", treatment, location, from, to, practitioner);
	}

	private Map<String, Object> search(String path, String treatment, String location, LocalDate from, LocalDate to,
			@Nullable String practitioner) {
		return body(this.booking.get()
			.uri(uri -> withPractitioner(uri.path(path)
				.queryParam("treatment", treatment)
				.queryParam("location", location)
				.queryParam("from", from)
				.queryParam("to", to), practitioner))
			.retrieve()
			.body(MAP));
	}

	public Map<String, Object> hold(String treatment, String location, OffsetDateTime start,
			@Nullable String practitioner) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("treatmentId", treatment);
		request.put("locationId", location);
		request.put("start", start.toString());
		if (practitioner != null) {
			request.put("practitionerId", practitioner);
		}
		return body(this.booking.post()
			.uri("/api/holds")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(request))
			.retrieve()
			.body(MAP));
	}

	public void releaseHold(String holdId) {
		this.booking.delete().uri("/api/holds/{id}", holdId).retrieve().toBodilessEntity();
	}

	/**
	 * Books; the same idempotency key answers the same booking, without its manage link.
	 */
	public Map<String, Object> book(Map<String, Object> request, String idempotencyKey) {
		return body(this.booking.post()
			.uri("/api/bookings")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", idempotencyKey)
			.body(json(request))
			.retrieve()
			.body(MAP));
	}

	/**
	 * The cancellation policy a client books a treatment under at a location, or empty
	 * when none applies there.
	 */
	public Optional<Map<String, Object>> policy(String treatment, String location) {
		return optional(() -> this.booking.get()
			.uri(uri -> uri.path("/api/policies")
				.queryParam("treatment", treatment)
				.queryParam("location", location)
				.build())
			.retrieve()
			.body(MAP));
	}

	public Optional<Map<String, Object>> managed(String token) {
		return optional(() -> this.booking.get().uri("/api/manage/{token}", token).retrieve().body(MAP));
	}

	public Map<String, Object> reschedule(String token, OffsetDateTime start, @Nullable String practitioner) {
		Map<String, Object> move = new LinkedHashMap<>();
		move.put("start", start.toString());
		if (practitioner != null) {
			move.put("practitionerId", practitioner);
		}
		return body(this.booking.post()
			.uri("/api/manage/{token}/reschedule", token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(move))
			.retrieve()
			.body(MAP));
	}

	public Map<String, Object> cancel(String token) {
		return body(this.booking.post().uri("/api/manage/{token}/cancel", token).retrieve().body(MAP));
	}

	// prepaid packages, public

	/**
	 * The packages on sale (of one treatment, when given); booking-service answers active
	 * offers only.
	 */
	public List<Map<String, Object>> packageOffers(@Nullable String treatment) {
		List<Map<String, Object>> offers = this.booking.get()
			.uri(uri -> uri.path("/api/packages/offers")
				.queryParamIfPresent("treatmentId", Optional.ofNullable(treatment))
				.build())
			.retrieve()
			.body(LIST);
		return offers == null ? List.of() : offers;
	}

	/**
	 * Buys a package and pays for it at once; the request's {@code purchaseId} makes a
	 * repeated submit the same purchase, so a retry after a lost answer charges nothing
	 * twice.
	 */
	public Map<String, Object> buyPackage(Map<String, Object> request) {
		return body(this.booking.post()
			.uri("/api/packages")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(request))
			.retrieve()
			.body(MAP));
	}

	/**
	 * The paid packages of a booking's client (by its e-mail) and whether the booking is
	 * paid with a credit of one; the manage link is the only key.
	 */
	public Map<String, Object> managedPackages(String token) {
		return body(this.booking.get().uri("/api/manage/{token}/packages", token).retrieve().body(MAP));
	}

	/**
	 * What cancelling the booking would cost now, under the terms it was booked with
	 * (booking-service's {@code /api/manage/{token}/cancellation}).
	 */
	public Map<String, Object> cancellationTerms(String token) {
		return body(this.booking.get().uri("/api/manage/{token}/cancellation", token).retrieve().body(MAP));
	}

	// waitlist, public: the place's and the offer's tokens are the only keys

	/**
	 * Puts a client on the waitlist of a treatment; answers the place with its link,
	 * which is e-mailed too.
	 */
	public Map<String, Object> joinWaitlist(Map<String, Object> request) {
		return body(this.booking.post()
			.uri("/api/waitlist")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(request))
			.retrieve()
			.body(MAP));
	}

	/**
	 * A place on a waitlist with its open offer, if any; empty when the token opens none.
	 */
	public Optional<Map<String, Object>> waitlistPlace(String token) {
		return optional(() -> this.booking.get().uri("/api/waitlist/{token}", token).retrieve().body(MAP));
	}

	/** Leaves the waitlist; leaving twice is fine. */
	public void leaveWaitlist(String token) {
		this.booking.delete().uri("/api/waitlist/{token}", token).retrieve().toBodilessEntity();
	}

	/** Comes back to a place paused after offers ran out unanswered. */
	public Map<String, Object> resumeWaitlist(String token) {
		return body(this.booking.post().uri("/api/waitlist/{token}/resume", token).retrieve().body(MAP));
	}

	/**
	 * An offer of a freed slot, whatever became of it; empty when the token opens none.
	 */
	public Optional<Map<String, Object>> waitlistOffer(String token) {
		return optional(() -> this.booking.get().uri("/api/waitlist/offers/{token}", token).retrieve().body(MAP));
	}

	/**
	 * Books the offered slot; answers as booking does (the booking with its manage link),
	 * or a 409 problem ({@code offer-expired}, {@code offer-taken}).
	 */
	/**
	 * Claims an offer.
	 * @param consent the policy version accepted and the card's token, each when given;
	 * always sent as a JSON object (booking-service reads an optional JSON body here, and
	 * a bodiless POST would go out as a form)
	 */
	public Map<String, Object> claimOffer(String token, Map<String, Object> consent) {
		return body(this.booking.post()
			.uri("/api/waitlist/offers/{token}/claim", token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(consent))
			.retrieve()
			.body(MAP));
	}

	// series, public: a whole course in one request

	/**
	 * The sessions of a treatment's course from a first start, at its recommended
	 * spacing, each with the free start nearest the same time of day (null when that week
	 * has none); a 422 {@code not-a-series} problem for a treatment not given as a
	 * course.
	 */
	public List<Map<String, Object>> seriesProposal(String treatment, String location, OffsetDateTime first) {
		// as URI variables, so that the offset's "+" is encoded and not read as a space
		List<Map<String, Object>> proposal = this.booking.get()
			.uri("/api/series/proposal?treatment={treatment}&location={location}&first={first}", treatment, location,
					first.toString())
			.retrieve()
			.body(LIST);
		return proposal == null ? List.of() : proposal;
	}

	/**
	 * Books every session of a course or none; answers the series' id and each session as
	 * booking answers it (with its manage link), or a problem such as 409
	 * {@code series-session-unavailable} naming the session and its nearest free starts.
	 */
	public Map<String, Object> bookSeries(Map<String, Object> request) {
		return body(this.booking.post()
			.uri("/api/series")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(request))
			.retrieve()
			.body(MAP));
	}

	/**
	 * Books every session of a course or none for a client, as the signed-in member (no
	 * e-mail code); answers as {@link #bookSeries}, or a problem: 409
	 * {@code series-session-unavailable}, 422 {@code series-spacing},
	 * {@code consultation-required}, {@code not-a-series}, 403 when the member does not
	 * work at the location.
	 */
	public Map<String, Object> bookStaffSeries(Map<String, Object> request) {
		return body(this.booking.post()
			.uri("/api/staff/series")
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(request))
			.retrieve()
			.body(MAP));
	}

	// waitlist, staff

	/** The waiters of a location (of one treatment, when given), in order. */
	public List<Map<String, Object>> staffWaitlist(String location, @Nullable String treatment) {
		List<Map<String, Object>> waiters = this.booking.get()
			.uri(uri -> uri.path("/api/staff/waitlist")
				.queryParam("locationId", location)
				.queryParamIfPresent("treatmentId", Optional.ofNullable(treatment))
				.build())
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.retrieve()
			.body(LIST);
		return waiters == null ? List.of() : waiters;
	}

	/** How a location offers freed slots: first in line, or several at once. */
	public Map<String, Object> waitlistSettings(String location) {
		return staffGet(this.booking, "/api/staff/waitlist/settings/{location}", location);
	}

	public Map<String, Object> updateWaitlistSettings(String location, Map<String, Object> settings) {
		return body(this.booking.put()
			.uri("/api/staff/waitlist/settings/{location}", location)
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(settings))
			.retrieve()
			.body(MAP));
	}

	/**
	 * How many freed times the waitlist refilled at a location, month by month (oldest
	 * first), with the median minutes to refill; managers and owners only (403 else).
	 */
	public List<Map<String, Object>> waitlistRefills(String location, int months) {
		List<Map<String, Object>> refills = this.booking.get()
			.uri(uri -> uri.path("/api/staff/waitlist/refills")
				.queryParam("locationId", location)
				.queryParam("months", months)
				.build())
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.retrieve()
			.body(LIST);
		return refills == null ? List.of() : refills;
	}

	/**
	 * Offers a time to one waiter by hand (202); a 409 problem {@code cannot-offer} when
	 * the time is not free, {@code not-waiting} when the place is over or has an offer
	 * open.
	 */
	public void offerByHand(String entryId, String location, OffsetDateTime start) {
		Map<String, Object> offer = new LinkedHashMap<>();
		offer.put("entryId", entryId);
		offer.put("locationId", location);
		offer.put("start", start.toString());
		this.booking.post()
			.uri("/api/staff/waitlist/offers")
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(offer))
			.retrieve()
			.toBodilessEntity();
	}

	// calendar feeds, staff

	/** A location's calendar feeds, without their addresses; managers and owners only. */
	public List<Map<String, Object>> calendarFeeds(String location) {
		List<Map<String, Object>> feeds = this.booking.get()
			.uri("/api/staff/locations/{location}/feeds", location)
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.retrieve()
			.body(LIST);
		return feeds == null ? List.of() : feeds;
	}

	/**
	 * Issues a calendar feed of a practitioner of the location, or of the whole location
	 * when {@code practitionerId} is null; the answer's {@code path} holds the feed's
	 * token, which is shown this once.
	 */
	public Map<String, Object> issueCalendarFeed(String location, @Nullable String practitionerId) {
		Map<String, Object> request = new LinkedHashMap<>();
		if (practitionerId != null) {
			request.put("practitionerId", practitionerId);
		}
		return body(this.booking.post()
			.uri("/api/staff/locations/{location}/feeds", location)
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(request))
			.retrieve()
			.body(MAP));
	}

	/** Revokes a calendar feed: its address answers 404 from now on. */
	public void revokeCalendarFeed(String location, String feedId) {
		this.booking.delete()
			.uri("/api/staff/locations/{location}/feeds/{id}", location, feedId)
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.retrieve()
			.toBodilessEntity();
	}

	// staff, with the member's token

	public Map<String, Object> daySheet(String location, LocalDate date) {
		return staffGet(this.booking, "/api/staff/day-sheets/{location}/{date}", location, date);
	}

	public Map<String, Object> staffBooking(String id) {
		return staffGet(this.booking, "/api/staff/bookings/{id}", id);
	}

	/**
	 * A staff action on a booking, such as {@code check-in}, with an optional JSON body.
	 */
	public Map<String, Object> act(String id, String action, @Nullable Map<String, Object> request) {
		RestClient.RequestBodySpec call = this.booking.post()
			.uri("/api/staff/bookings/{id}/{action}", id, action)
			.header(HttpHeaders.AUTHORIZATION, bearer());
		if (request != null) {
			call.contentType(MediaType.APPLICATION_JSON).body(json(request));
		}
		return body(call.retrieve().body(MAP));
	}

	/** A treatment as managers see it, with its version. */
	public Map<String, Object> staffTreatment(String id) {
		return staffGet(this.catalog, "/api/staff/treatments/{id}", id);
	}

	/**
	 * Replaces a treatment if it is still at {@code version}; a 412 problem when someone
	 * changed it first.
	 */
	public Map<String, Object> updateTreatment(String id, long version, Map<String, Object> treatment) {
		return versionedPut(this.catalog, "/api/staff/treatments/{id}", id, version, treatment);
	}

	/** A location as managers see it, with its version. */
	public Map<String, Object> staffLocation(String id) {
		return staffGet(this.catalog, "/api/staff/locations/{id}", id);
	}

	/** Replaces a location if it is still at {@code version}. */
	public Map<String, Object> updateLocation(String id, long version, Map<String, Object> location) {
		return versionedPut(this.catalog, "/api/staff/locations/{id}", id, version, location);
	}

	/** Adds a practitioner to the catalog; answers it with its new id. */
	public Map<String, Object> createPractitioner(Map<String, Object> practitioner) {
		return body(this.catalog.post()
			.uri("/api/staff/practitioners")
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(practitioner))
			.retrieve()
			.body(MAP));
	}

	/** A practitioner's schedule, or empty when none is kept yet. */
	public Optional<Map<String, Object>> schedule(String practitionerId) {
		return optional(() -> staffGet(this.booking, "/api/staff/schedules/{id}", practitionerId));
	}

	/**
	 * Replaces a schedule if it is still at {@code version} (0: none yet).
	 * @param confirm keep the change even if it leaves bookings outside the hours; they
	 * then need attention
	 */
	public Map<String, Object> replaceSchedule(String practitionerId, long version, Map<String, Object> schedule,
			boolean confirm) {
		return versionedPut(this.booking, "/api/staff/schedules/{id}?confirm=" + confirm, practitionerId, version,
				schedule);
	}

	/**
	 * The confirmed bookings from now on that use any of the given rooms or devices of a
	 * location.
	 */
	public List<Map<String, Object>> affectedBookings(String location, List<String> resources) {
		List<Map<String, Object>> affected = this.booking.get()
			.uri(uri -> uri.path("/api/staff/affected-bookings")
				.queryParam("location", location)
				.queryParam("resource", resources.toArray())
				.build())
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.retrieve()
			.body(LIST);
		return affected == null ? List.of() : affected;
	}

	/** The bookings at the member's locations that a change left needing attention. */
	public List<Map<String, Object>> attention() {
		List<Map<String, Object>> items = this.booking.get()
			.uri("/api/staff/attention")
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.retrieve()
			.body(LIST);
		return items == null ? List.of() : items;
	}

	public Map<String, Object> ledger(String bookingId) {
		return body(this.notification.get()
			.uri(uri -> uri.path("/api/staff/notifications").queryParam("booking", bookingId).build())
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.retrieve()
			.body(MAP));
	}

	/**
	 * A booking's money (the policy version accepted, deposit, fees, refunds), or empty
	 * when booking-service has no booking of this id.
	 */
	public Optional<Map<String, Object>> payments(String bookingId) {
		return optional(() -> staffGet(this.booking, "/api/staff/bookings/{id}/ledger", bookingId));
	}

	/**
	 * The package credit that pays for a booking, with the package's balance, or empty
	 * when the booking was not paid with a package.
	 */
	public Optional<Map<String, Object>> bookingPackage(String bookingId) {
		return optional(() -> staffGet(this.booking, "/api/staff/bookings/{id}/package", bookingId));
	}

	/** Gives back a forfeited package session of a booking, for a reason (audited). */
	public Map<String, Object> restorePackageSession(String bookingId, String reason) {
		return body(this.booking.post()
			.uri("/api/staff/bookings/{id}/package/restore", bookingId)
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(Map.of("reason", reason)))
			.retrieve()
			.body(MAP));
	}

	/** A client's packages, found by their e-mail address, with each credit. */
	public List<Map<String, Object>> staffPackages(String email) {
		List<Map<String, Object>> packages = this.booking.get()
			// as a URI variable, so that a "+" in the address is encoded and not read as
			// a
			// space
			.uri("/api/staff/packages?email={email}", email)
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.retrieve()
			.body(LIST);
		return packages == null ? List.of() : packages;
	}

	/** Waives a booking's fee: its charge and the deposit kept towards it go back. */
	public Map<String, Object> waiveFee(String bookingId, String reason) {
		return body(this.booking.post()
			.uri("/api/staff/bookings/{id}/ledger/waiver", bookingId)
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(Map.of("reason", reason)))
			.retrieve()
			.body(MAP));
	}

	private Map<String, Object> staffGet(RestClient service, String uri, Object... variables) {
		return body(service.get().uri(uri, variables).header(HttpHeaders.AUTHORIZATION, bearer()).retrieve().body(MAP));
	}

	/** Replaces a resource if it is still at {@code version}; a 412 problem otherwise. */
	private Map<String, Object> versionedPut(RestClient service, String uri, String id, long version,
			Map<String, Object> body) {
		return body(service.put()
			.uri(uri, id)
			.header(HttpHeaders.AUTHORIZATION, bearer())
			.header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(body))
			.retrieve()
			.body(MAP));
	}

	/**
	 * One service's audit log ({@code catalog}, {@code booking} or {@code notification}),
	 * read as the caller: with the bearer token of an API call, or the signed-in
	 * member's.
	 */
	public List<Map<String, Object>> audit(String service, @Nullable String authorization,
			Map<String, String> filters) {
		RestClient client = switch (service) {
			case "catalog" -> this.catalog;
			case "booking" -> this.booking;
			case "notification" -> this.notification;
			default -> throw new IllegalArgumentException(service);
		};
		Map<String, Object> answer = body(client.get().uri(uri -> {
			uri.path("/api/staff/audit");
			filters.forEach((name, value) -> {
				if (value != null && !value.isBlank()) {
					uri.queryParam(name, value);
				}
			});
			return uri.build();
		}).header(HttpHeaders.AUTHORIZATION, authorization != null ? authorization : bearer()).retrieve().body(MAP));
		if (answer.get("entries") instanceof List<?> entries) {
			List<Map<String, Object>> read = new java.util.ArrayList<>();
			for (Object entry : entries) {
				if (entry instanceof Map<?, ?> map) {
					Map<String, Object> copy = new LinkedHashMap<>();
					map.forEach((key, value) -> copy.put(String.valueOf(key), value));
					read.add(copy);
				}
			}
			return read;
		}
		return List.of();
	}

	/**
	 * Posts a client-data request ({@code export} or {@code erase}) to a service
	 * ({@code booking}, {@code notification} or {@code intake}) as the caller, answering
	 * its JSON.
	 */
	public Map<String, Object> clientData(String service, String action, @Nullable String authorization,
			Map<String, Object> request) {
		RestClient client = switch (service) {
			case "notification" -> this.notification;
			case "intake" -> this.intake;
			default -> this.booking;
		};
		return body(client.post()
			.uri("/api/staff/clients/{action}", action)
			.header(HttpHeaders.AUTHORIZATION, authorization != null ? authorization : bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(request))
			.retrieve()
			.body(MAP));
	}

	/**
	 * Tells the service whom a page serves, as this gateway saw the connection, so that
	 * the services' per-address limits count each client and not the gateway.
	 */
	private static org.springframework.http.client.ClientHttpResponse withClientAddress(
			org.springframework.http.HttpRequest request, byte[] body,
			org.springframework.http.client.ClientHttpRequestExecution execution) throws java.io.IOException {
		if (org.springframework.web.context.request.RequestContextHolder
			.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes page) {
			request.getHeaders().set("X-Forwarded-For", page.getRequest().getRemoteAddr());
		}
		return execution.execute(request, body);
	}

	/**
	 * E-mails the client a code proving the address is theirs (see booking's rules that
	 * read a client's history).
	 */
	public void sendEmailCode(String email) {
		this.notification.post()
			.uri("/api/email-codes")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(Map.of("email", email)))
			.retrieve()
			.toBodilessEntity();
	}

	/**
	 * intake-service, for the pages of intake and consent forms: calls go to a live
	 * instance, and an error answer is thrown as a {@link ServiceProblem}.
	 */
	public RestClient intake() {
		return this.intake;
	}

	/** The signed-in member's token, for a call made on their behalf. */
	public String bearer() {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		StaffAccount account = signedIn == null ? null : this.accounts.byEmail(signedIn.getName()).orElse(null);
		if (account == null || !account.enabled()) {
			throw new AccessDeniedException("Not signed in as an active staff member");
		}
		return "Bearer " + this.tokens.issue(account);
	}

	/**
	 * The JSON of a request body, written here so the body is exactly what the services
	 * read, whatever converters the client has.
	 */
	private static String json(Object body) {
		return JSON.writeValueAsString(body);
	}

	private static URI withPractitioner(UriBuilder uri, @Nullable String practitioner) {
		if (practitioner != null && !practitioner.isBlank()) {
			uri.queryParam("practitioner", practitioner);
		}
		return uri.build();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> content(@Nullable Map<String, Object> page) {
		if (page == null || !(page.get("content") instanceof List<?> content)) {
			return List.of();
		}
		return (List<Map<String, Object>>) content;
	}

	private static Map<String, Object> body(@Nullable Map<String, Object> body) {
		return body == null ? Map.of() : body;
	}

	private static Optional<Map<String, Object>> optional(java.util.function.Supplier<Map<String, Object>> call) {
		try {
			return Optional.ofNullable(call.get());
		}
		catch (ServiceProblem problem) {
			if (problem.status() == 404) {
				return Optional.empty();
			}
			throw problem;
		}
	}

	static ServiceProblem problem(ClientHttpResponse response) throws IOException {
		int status = response.getStatusCode().value();
		try {
			JsonNode problem = JSON.readTree(response.getBody());
			String type = problem.path("type").asString("");
			String code = type.substring(type.lastIndexOf('/') + 1);
			Map<String, String> fields = new LinkedHashMap<>();
			for (JsonNode error : problem.path("errors")) {
				// the services name the reason; "message" is read as well, for any that
				// say it so
				JsonNode reason = error.path("reason").isMissingNode() ? error.path("message") : error.path("reason");
				fields.putIfAbsent(error.path("field").asString(""), reason.asString(""));
			}
			String detail = problem.path("detail").isMissingNode() ? null : problem.path("detail").asString();
			Map<String, Object> properties = new LinkedHashMap<>();
			for (String name : problem.propertyNames()) {
				if (!List.of("type", "title", "status", "detail", "instance", "errors").contains(name)) {
					properties.put(name, JSON.treeToValue(problem.get(name), Object.class));
				}
			}
			return new ServiceProblem(status, code.isEmpty() ? "http-" + status : code, detail, fields, properties);
		}
		catch (RuntimeException ex) {
			return new ServiceProblem(status, "http-" + status, null, Map.of());
		}
	}

	// cancellation policies, staff

	/**
	 * A treatment's chain-wide cancellation policy with its versions (newest last), as
	 * any staff member reads it; empty when the treatment has none.
	 */
	public Optional<Map<String, Object>> cancellationPolicy(String treatment) {
		return optional(() -> staffGet(this.booking, "/api/staff/policies/{treatment}", treatment));
	}

	/**
	 * A location's own cancellation policy for a treatment with its versions; empty when
	 * the location has none of its own (the chain-wide one applies there).
	 */
	public Optional<Map<String, Object>> locationCancellationPolicy(String location, String treatment) {
		return optional(() -> staffGet(this.booking, "/api/staff/locations/{location}/policies/{treatment}", location,
				treatment));
	}

	/**
	 * Adds a version to a treatment's chain-wide policy (owners), or to a location's own
	 * when {@code location} is not null (its managers and owners); answers the policy
	 * with its versions. Amounts in {@code terms} are minor units, the window an ISO
	 * duration.
	 */
	public Map<String, Object> changeCancellationPolicy(@Nullable String location, String treatment,
			Map<String, Object> terms) {
		RestClient.RequestBodyUriSpec put = this.booking.put();
		RestClient.RequestBodySpec call = (location == null) ? put.uri("/api/staff/policies/{treatment}", treatment)
				: put.uri("/api/staff/locations/{location}/policies/{treatment}", location, treatment);
		return body(call.header(HttpHeaders.AUTHORIZATION, bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body(json(terms))
			.retrieve()
			.body(MAP));
	}

}
