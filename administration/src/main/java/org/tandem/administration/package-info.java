/**
 * The application layer (Cargo Tracker's {@code application}): one service per area of use cases
 * ({@code customer}, {@code extension}, {@code registration}), shared by the portal's views and the
 * REST API. Every method takes the {@link org.tandem.administration.access.Actor} it acts for and
 * checks role and ownership itself, so no interface can reach further than its user's scope: a view
 * or an endpoint that forgets a check still cannot open another tenant's data. Services run in a
 * transaction each ({@code @Transactional}), use the domain's repositories and return plain
 * records, never entities.
 */
package org.tandem.administration;
