package dev.medspa.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over a size with 413 before anything reads them: at once when
 * the declared length is too large, and as soon as a body without one passes the size
 * while it is read.
 */
public class BodySizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	public BodySizeLimit(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			refuse(response);
			return;
		}
		try {
			chain.doFilter(new Limited(request, this.maxBytes), response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!tooLarge(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			refuse(response);
		}
	}

	private static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TooLarge) {
				return true;
			}
		}
		return false;
	}

	private void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"" + ProblemTypes.of("content-too-large") + "\",\"title\":\"Content too large\","
					+ "\"status\":413,\"detail\":\"A request body may have at most " + this.maxBytes + " bytes\"}");
	}

	/**
	 * Thrown while reading a body that passed the size; the problem details handler
	 * answers it with 413.
	 */
	static class TooLarge extends IOException {

		TooLarge() {
			super("The request body is too large");
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream original = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = original.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = original.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) throws TooLarge {
						this.read += n;
						if (this.read > Limited.this.maxBytes) {
							throw new TooLarge();
						}
					}

					@Override
					public boolean isFinished() {
						return original.isFinished();
					}

					@Override
					public boolean isReady() {
						return original.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						original.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

	}

}
