/**
 * Where a tenant's data lives: the PostgreSQL schema and its versioned migrations ({@code schema}),
 * the embedded PostgreSQL of the default run ({@code embedded}), the JPA repositories behind the
 * domain's repository interfaces ({@code jpa}), plain-JDBC ones for the SIP engine's hot path
 * ({@code jdbc}), the demo data ({@code demo}), and the start-up that wires them inside WildFly
 * ({@code lifecycle}).
 */
package org.tandem.storage;
