package dev.medspa.gateway.pages;

/**
 * A page whose subject does not exist (or no longer): answered 404 with a friendly page.
 */
class PageNotFound extends RuntimeException {

	PageNotFound(String message) {
		super(message);
	}

}
