package dev.medspa.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * A trace collector for tests: a real HTTP server on loopback that takes OTLP/HTTP
 * protobuf exports at {@code /v1/traces} and keeps every span, with the service that sent
 * it.
 */
final class OtlpReceiver implements AutoCloseable {

	/** One span as received. */
	record ReceivedSpan(String service, String traceId, String name) {
	}

	private final HttpServer server;

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	OtlpReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/v1/traces", exchange -> {
			try (InputStream body = exchange.getRequestBody()) {
				ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
				for (ResourceSpans resource : request.getResourceSpansList()) {
					String service = resource.getResource()
						.getAttributesList()
						.stream()
						.filter(attribute -> attribute.getKey().equals("service.name"))
						.map(KeyValue::getValue)
						.map(value -> value.getStringValue())
						.findFirst()
						.orElse("?");
					for (ScopeSpans scope : resource.getScopeSpansList()) {
						scope.getSpansList()
							.forEach(span -> this.spans.add(new ReceivedSpan(service,
									HexFormat.of().formatHex(span.getTraceId().toByteArray()), span.getName())));
					}
				}
				byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
				exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
			}
			finally {
				exchange.close();
			}
		});
		this.server.start();
	}

	/** Where services export to. */
	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	List<ReceivedSpan> spans() {
		return List.copyOf(this.spans);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
