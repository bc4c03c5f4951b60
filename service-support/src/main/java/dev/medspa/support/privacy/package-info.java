/** What keeps clients' contact data out of places it does not belong. */
@NullMarked
package dev.medspa.support.privacy;

import org.jspecify.annotations.NullMarked;
