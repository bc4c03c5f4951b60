package dev.medspa.notification.plan;

import java.util.stream.Stream;

import dev.medspa.support.once.OnceTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Lists the plans stored before the due index and the client lists existed, once per
 * installation: each plan with something still to send is noted in the {@link DueIndex},
 * each plan is added to its client's list, and a marker says it was done. A start cut
 * short before the marker only repeats the work, since noting what is noted changes
 * nothing.
 */
@Component
class PlanIndexBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PlanIndexBackfill.class);

	private static final String DONE = "plan-index-backfill";

	private final PlanStore plans;

	private final OnceTasks once;

	PlanIndexBackfill(PlanStore plans, OnceTasks once) {
		this.plans = plans;
		this.once = once;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.once.runOnce(DONE, this::listAll);
	}

	private void listAll() {
		int listed = 0;
		try (Stream<Plan> all = this.plans.all()) {
			for (Plan plan : (Iterable<Plan>) all::iterator) {
				this.plans.listEarlier(plan);
				listed++;
			}
		}
		if (listed > 0) {
			log.info("{} plans stored earlier were listed in the due index and their clients' lists", listed);
		}
	}

}
