package dev.medspa.support.readmodel;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * A listener of state topics whose read model rebuilds itself: when the read model is
 * empty (first start, or a wiped database), the assigned partitions are read from the
 * beginning, whatever offsets the group committed.
 */
public abstract class RebuildingStateListener implements ConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(RebuildingStateListener.class);

	/** True when the read model holds nothing yet. */
	protected abstract boolean readModelIsEmpty();

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		if (!assignments.isEmpty() && readModelIsEmpty()) {
			log.info("Read model is empty: reading {} from the beginning", assignments.keySet());
			callback.seekToBeginning(assignments.keySet());
		}
	}

}
