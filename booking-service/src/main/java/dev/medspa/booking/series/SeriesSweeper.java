package dev.medspa.booking.series;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Finishes or undoes, once a minute, the series that a crash cut short. */
@Component
class SeriesSweeper {

	private final SeriesBookings series;

	SeriesSweeper(SeriesBookings series) {
		this.series = series;
	}

	@Scheduled(fixedDelayString = "${medspa.booking.sweep-interval:PT1M}",
			initialDelayString = "${medspa.booking.sweep-interval:PT1M}")
	void sweep() {
		this.series.sweep();
	}

}
