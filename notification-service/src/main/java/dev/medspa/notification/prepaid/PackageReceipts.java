package dev.medspa.notification.prepaid;

import java.time.Clock;

import dev.medspa.events.prepaid.PackageEvent;
import dev.medspa.events.prepaid.PackagePurchased;
import dev.medspa.notification.plan.MessagesDue;
import dev.medspa.notification.plan.Plan;
import dev.medspa.notification.plan.PlanStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Plans one receipt per package bought, under {@code package-<package id>}. The plan is
 * inserted once: a redelivered purchase finds it and plans nothing more, whatever became
 * of the receipt. Until the plan is stored the event's offset is not committed, so a
 * crash before it hears the event again; once stored, the due index lists the receipt, so
 * a crash before sending leaves it to the dispatcher's next round.
 */
@Service
public class PackageReceipts {

	private static final Logger log = LoggerFactory.getLogger(PackageReceipts.class);

	private final PlanStore plans;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PackageReceipts(PlanStore plans, ApplicationEventPublisher events, Clock clock) {
		this.plans = plans;
		this.events = events;
		this.clock = clock;
	}

	public void apply(PackageEvent event) {
		if (event instanceof PackagePurchased purchased) {
			purchased(purchased);
		}
	}

	private void purchased(PackagePurchased event) {
		if (this.plans.find(Plan.packageId(event.packageId())).isPresent()) {
			return;
		}
		Plan plan = Plan.packagePurchased(event);
		if (this.plans.insert(plan)) {
			log.info("Package {} bought: its receipt is planned", event.packageId());
			MessagesDue.ifAnyFor(plan, this.clock.instant(), this.events);
		}
	}

}
