/**
 * The portal: the web interface of Tandem for the operator, resellers and tenants (Vaadin Flow,
 * served by WildFly under CDI). Like the interfaces layer of Cargo Tracker, it holds screens and the
 * glue they need, and no business rules: views are thin and call services and repositories of the
 * domain. One package per area: {@code login}, {@code home}, and later {@code operator},
 * {@code reseller}, {@code tenant}; {@code security} holds who is signed in and who may see what.
 */
package org.tandem.portal;
