/** Pools: the ordered node pairs tenants are pinned to and published in DNS SRV. */
package org.tandem.domain.pool;
