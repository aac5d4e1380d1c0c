package org.tandem.engine.sip;

import org.tandem.domain.registration.Flow;

import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import java.text.ParseException;

/**
 * How the requests this node sends to a phone name the node and reach the phone, whoever sends them
 * (a call's legs, the message-waiting lamps): this node's Via and Contact on the flow's transport, and
 * the flow as a loose route. Thread-safe (factories only).
 */
public final class OwnAddresses {

    private final HeaderFactory headers;
    private final AddressFactory addresses;

    public OwnAddresses(HeaderFactory headers, AddressFactory addresses) {
        this.headers = headers;
        this.addresses = addresses;
    }

    /** This node's Via on {@code flow}'s transport; the stack adds the branch. */
    public ViaHeader via(SipProvider provider, Flow flow) throws ParseException, InvalidArgumentException {
        ListeningPoint point = provider.getListeningPoint(flow.transport());
        return headers.createViaHeader(point.getIPAddress(), point.getPort(), flow.transport(), null);
    }

    /** This node's Contact on {@code transport}. */
    public ContactHeader contact(SipProvider provider, String transport) {
        ListeningPoint point = provider.getListeningPoint(transport);
        try {
            SipURI uri = addresses.createSipURI(null, point.getIPAddress());
            uri.setPort(point.getPort());
            uri.setTransportParam(transport);
            return headers.createContactHeader(addresses.createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot make our Contact", e);
        }
    }

    /** {@code sip:address:port;transport=x;lr}: the next hop is the flow, whatever the target says (NAT). */
    public Address routeTo(Flow flow) throws ParseException {
        SipURI hop = addresses.createSipURI(null, flow.address());
        hop.setPort(flow.port());
        hop.setTransportParam(flow.transport());
        hop.setLrParam();
        return addresses.createAddress(hop);
    }
}
