package dev.medspa.support.web;

/**
 * One thing wrong with a request.
 *
 * @param field the path of the field as the client sent it, for example
 * {@code client.email}
 * @param reason why it was refused, in words a client developer understands
 */
public record FieldProblem(String field, String reason) {
}
