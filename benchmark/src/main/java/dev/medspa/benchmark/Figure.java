package dev.medspa.benchmark;

import org.jspecify.annotations.Nullable;

/**
 * One measured figure next to its floor, the same kind of work without the platform,
 * measured in the same run.
 *
 * @param floor NaN when the figure has no floor
 * @param target what the issue asks for, empty for a figure that is only reported
 * @param met whether the target was met; null without a target
 */
record Figure(String name, double value, String unit, double floor, String floorName, String target,
		@Nullable Boolean met) {

	static Figure reported(String name, double value, String unit, double floor, String floorName) {
		return new Figure(name, value, unit, floor, floorName, "", null);
	}

	static Figure targeted(String name, double value, String unit, double floor, String floorName, String target,
			boolean met) {
		return new Figure(name, value, unit, floor, floorName, target, met);
	}

	/** The value over its floor, NaN without a floor. */
	double ratio() {
		return Double.isNaN(this.floor) || this.floor == 0 ? Double.NaN : this.value / this.floor;
	}

	String verdict() {
		return this.met == null ? "" : this.met ? "met" : "NOT MET";
	}

}
