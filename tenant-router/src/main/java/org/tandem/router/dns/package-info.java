/**
 * DNS for the cluster. Phones find a tenant's nodes through SRV records (RFC 3263), so Tandem keeps
 * an authoritative zone in step with the cluster: {@link org.tandem.router.dns.ClusterRecords} says
 * which records the layout needs (a pure function), {@link org.tandem.router.dns.ZonePublisher} sends
 * the difference by RFC 2136 dynamic update signed with TSIG, {@link org.tandem.router.dns.ZoneFileExport}
 * writes the same records as master-file text for a DNS that Tandem cannot update,
 * {@link org.tandem.router.dns.DnsPublishing} runs the publisher and the export on a node as its
 * settings say, and {@link org.tandem.router.dns.SrvResolver} looks the records up the way a phone
 * does. Plain Java on dnsjava: no EE API, so all of it runs and is tested without a container.
 */
package org.tandem.router.dns;
