/**
 * Server-rendered pages (Thymeleaf, htmx) for clients and staff.
 */
@NullMarked
package dev.medspa.gateway.pages;

import org.jspecify.annotations.NullMarked;
