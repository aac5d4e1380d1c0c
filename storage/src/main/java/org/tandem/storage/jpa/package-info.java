/** The domain's repository interfaces, implemented with JPA (Hibernate) over the node's PostgreSQL. */
package org.tandem.storage.jpa;
