/** What every service shares, as Spring Boot auto-configuration. */
@NullMarked
package dev.medspa.support;

import org.jspecify.annotations.NullMarked;
