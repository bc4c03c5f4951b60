package dev.medspa.gateway.identity;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Signs staff in from their accounts, and locks an account for a while after too many
 * wrong passwords in a row. A locked or disabled account is refused before its password
 * is checked.
 */
@Component
class StaffUserDetailsService implements UserDetailsService {

	private final StaffAccounts accounts;

	private final IdentityProperties properties;

	private final Clock clock;

	StaffUserDetailsService(StaffAccounts accounts, IdentityProperties properties, Clock clock) {
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		StaffAccount account = this.accounts.byEmail(username)
			.orElseThrow(() -> new UsernameNotFoundException("No staff account for this e-mail"));
		return User.withUsername(account.email())
			.password(account.passwordHash())
			.disabled(!account.enabled())
			.accountLocked(account.lockedAt(this.clock.instant()))
			.authorities(account.roles().stream().map(role -> role.authority()).toArray(String[]::new))
			.build();
	}

	@EventListener
	void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
		String email = String.valueOf(event.getAuthentication().getName());
		if (this.accounts.byEmail(email).isPresent()) {
			this.accounts.failedSignIn(email, this.properties.maxFailedSignIns(), this.properties.lockDuration(),
					this.clock.instant());
		}
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		this.accounts.succeededSignIn(event.getAuthentication().getName());
	}

}
