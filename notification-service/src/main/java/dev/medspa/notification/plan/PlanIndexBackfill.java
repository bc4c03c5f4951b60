package dev.medspa.notification.plan;

import java.time.Clock;

import dev.medspa.support.once.OnceTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

	private final MongoTemplate mongo;

	private final DueIndex due;

	private final Clock clock;

	PlanIndexBackfill(MongoTemplate mongo, DueIndex due, Clock clock) {
		this.mongo = mongo;
		this.due = due;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		new OnceTasks(this.mongo, this.clock).runOnce(DONE, this::listAll);
	}

	private void listAll() {
		int plans = 0;
		for (Plan plan : this.mongo.findAll(Plan.class)) {
			String email = plan.client().normalizedEmail();
			if (email != null && !email.isEmpty()) {
				this.mongo.upsert(Query.query(Criteria.where("_id").is(email)),
						new Update().addToSet("bookings", plan.bookingId()), PlanStore.ClientPlans.class,
						PlanStore.CLIENT_PLANS);
			}
			if (plan.nextDueAt() != null) {
				this.due.note(plan.bookingId(), plan.nextDueAt(), plan.revision(), this.clock.instant());
			}
			plans++;
		}
		if (plans > 0) {
			log.info("{} plans stored earlier were listed in the due index and their clients' lists", plans);
		}
	}

}
