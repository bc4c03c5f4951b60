package dev.medspa.gateway.services;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerRequest;
import org.springframework.cloud.client.loadbalancer.LoadBalancerUriTools;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.web.client.RestClient;

/**
 * The load balancer of the pages' calls, for tests: each service name goes to the
 * {@link StandInService} a test puts there, and a service with none has no live instance,
 * as when every instance has stopped answering its health check.
 */
public final class StandInInstances implements LoadBalancerClient {

	private final Map<String, URI> services = new ConcurrentHashMap<>();

	/**
	 * Sends the calls for {@code serviceId} to the stand-in; with null, the service has
	 * no live instance any more.
	 */
	public void serve(String serviceId, @Nullable StandInService standIn) {
		if (standIn == null) {
			this.services.remove(serviceId);
		}
		else {
			this.services.put(serviceId, standIn.uri());
		}
	}

	/** Sends the calls for {@code serviceId} to whatever answers at this address. */
	public void serveAt(String serviceId, URI uri) {
		this.services.put(serviceId, uri);
	}

	/**
	 * The real {@link Services}, as the gateway builds it, with its calls going to the
	 * stand-ins.
	 */
	public Services services(dev.medspa.gateway.identity.AccessTokens tokens,
			dev.medspa.gateway.identity.StaffAccounts accounts) {
		return new Services(RestClient.builder(), this, tokens, accounts);
	}

	@Override
	public @Nullable ServiceInstance choose(String serviceId) {
		URI uri = this.services.get(serviceId);
		return uri == null ? null
				: new DefaultServiceInstance(serviceId + "-0", serviceId, uri.getHost(), uri.getPort(), false);
	}

	@Override
	public <T> @Nullable ServiceInstance choose(String serviceId, Request<T> request) {
		return choose(serviceId);
	}

	@Override
	public <T> T execute(String serviceId, LoadBalancerRequest<T> request) throws IOException {
		ServiceInstance instance = choose(serviceId);
		if (instance == null) {
			throw new IllegalStateException("No instances available for " + serviceId);
		}
		return execute(serviceId, instance, request);
	}

	@Override
	public <T> T execute(String serviceId, ServiceInstance instance, LoadBalancerRequest<T> request)
			throws IOException {
		try {
			return request.apply(instance);
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public URI reconstructURI(ServiceInstance instance, URI original) {
		return LoadBalancerUriTools.reconstructURI(instance, original);
	}

}
