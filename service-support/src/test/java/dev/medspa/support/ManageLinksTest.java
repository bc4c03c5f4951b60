package dev.medspa.support;

import java.util.List;

import dev.medspa.support.links.ManageLinks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManageLinksTest {

	private static final String OLD = "an-old-key-of-this-installation-0123456789";

	private static final String NEW = "a-new-key-of-this-installation-0123456789";

	@Test
	void aTokenOpensItsBookingAndNothingElse() {
		ManageLinks links = new ManageLinks(List.of(NEW));
		String token = links.token("booking-1");
		assertThat(links.bookingId(token)).contains("booking-1");
		assertThat(links.bookingId(token.replace("booking-1", "booking-2"))).isEmpty();
		assertThat(links.bookingId(token.substring(0, token.length() - 1) + "x")).isEmpty();
		assertThat(links.bookingId("booking-1")).isEmpty();
	}

	@Test
	void anotherInstallationsKeyOpensNothingAndARotatedKeyStillDoes() {
		String madeWithOld = new ManageLinks(List.of(OLD)).token("booking-1");
		assertThat(new ManageLinks(List.of(NEW)).bookingId(madeWithOld)).isEmpty();
		ManageLinks rotating = new ManageLinks(List.of(NEW, OLD));
		assertThat(rotating.bookingId(madeWithOld)).contains("booking-1");
		assertThat(rotating.token("booking-1")).isEqualTo(new ManageLinks(List.of(NEW)).token("booking-1"));
	}

	@Test
	void aShortOrMissingKeyIsRefused() {
		assertThatThrownBy(() -> new ManageLinks(List.of())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ManageLinks(List.of("short"))).isInstanceOf(IllegalArgumentException.class);
	}

}
