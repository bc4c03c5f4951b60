package dev.medspa.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Requests released at the same instant, each on a thread of its own. */
final class Races {

	private Races() {
	}

	/** Runs every task at once; answers their results in the order given. */
	static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Posts every booking request at once; answers the statuses in the order given. */
	static List<Integer> book(MockMvc mvc, List<String> bodies) throws Exception {
		List<Callable<Integer>> requests = new ArrayList<>();
		for (String body : bodies) {
			requests.add(() -> mvc.perform(post("/api/bookings").contentType(MediaType.APPLICATION_JSON).content(body))
				.andReturn()
				.getResponse()
				.getStatus());
		}
		return all(requests);
	}

}
