package org.tandem.router.dns;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Talks to the primary server of one zone, every message signed with the TSIG key and every answer's
 * signature checked: the zone's serial, a zone transfer (AXFR) and RFC 2136 updates, all over TCP
 * (updates can be large, and a transfer needs it anyway).
 *
 * @param timeout for each exchange: one query, one update, or one whole transfer
 */
public record ZoneClient(Name zone, InetSocketAddress server, TsigKey key, Duration timeout) {

    /** The serial of the zone's SOA record: it changes with every change to the zone. */
    public long serial() {
        Message answer = exchange(Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN)), "SOA query");
        return answer.getSection(Section.ANSWER).stream()
                .filter(SOARecord.class::isInstance).map(SOARecord.class::cast)
                .findFirst()
                .orElseThrow(() -> new DnsException("DNS server " + address() + " has no SOA record for " + zone
                        + ": it does not serve this zone", null))
                .getSerial();
    }

    /** Every record of the zone (AXFR): the server must allow transfers to the key. */
    public List<Record> transfer() {
        ZoneTransferIn transfer = ZoneTransferIn.newAXFR(zone, server, key.tsig());
        transfer.setTimeout(timeout);
        try {
            transfer.run();
        } catch (ZoneTransferException e) {
            // dnsjava reports a refused transfer by its response code's name alone
            if (Rcode.value(e.getMessage()) > 0) {
                throw new DnsRefusedException(zone, "zone transfer", server, e.getMessage(), Optional.empty());
            }
            throw new DnsException("the zone transfer of " + zone + " from " + address() + " failed: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw unreachable("zone transfer", e);
        }
        return transfer.getAXFR();
    }

    /** Sends one update; it is applied whole or not at all. */
    public void update(Update update) {
        exchange(update, "update");
    }

    private Message exchange(Message request, String operation) {
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTCP(true);
        resolver.setTimeout(timeout);
        resolver.setTSIGKey(key.tsig());
        Message answer;
        try {
            answer = resolver.send(request);
        } catch (IOException e) {
            throw unreachable(operation, e);
        }
        if (answer.getRcode() != Rcode.NOERROR) {
            throw new DnsRefusedException(zone, operation, server, Rcode.string(answer.getRcode()), tsigError(answer));
        }
        if (!answer.isVerified()) {
            throw new DnsException("the answer to the " + operation + " of zone " + zone + " from " + address()
                    + " is not signed with key " + key + ": not trusting it", null);
        }
        return answer;
    }

    private static Optional<String> tsigError(Message answer) {
        TSIGRecord signature = answer.getTSIG();
        return signature == null || signature.getError() == Rcode.NOERROR
                ? Optional.empty() : Optional.of(Rcode.TSIGstring(signature.getError()));
    }

    private DnsException unreachable(String operation, IOException e) {
        return new DnsException("DNS server " + address() + " did not complete the " + operation + " of zone " + zone
                + " within " + timeout.toSeconds() + " s: " + e, e);
    }

    private String address() {
        return DnsException.describe(server);
    }
}
