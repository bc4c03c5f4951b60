/**
 * Form templates and their versions. A template belongs to one or more treatments and is
 * a health questionnaire or a consent; each published version is immutable and known by
 * the SHA-256 of its content, which a signature refers to.
 */
@NullMarked
package dev.medspa.intake.form;

import org.jspecify.annotations.NullMarked;
