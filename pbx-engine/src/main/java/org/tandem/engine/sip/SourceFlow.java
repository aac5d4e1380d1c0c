package org.tandem.engine.sip;

import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import org.tandem.domain.registration.Flow;

import javax.sip.RequestEvent;
import javax.sip.header.ViaHeader;

/**
 * Where a request really came from: the transport it arrived on and the source address and port of
 * its packet or connection, as seen by the stack. The Via header says where the phone thinks it is,
 * which behind NAT is an address nobody can reach; only this is used to identify and throttle peers.
 */
public final class SourceFlow {

    private SourceFlow() {
    }

    public static Flow of(RequestEvent event) {
        if (event.getRequest() instanceof SIPRequest request
                && request.getMessageChannel() instanceof MessageChannel channel
                && channel.getPeerPacketSourceAddress() != null) {
            return new Flow(channel.getTransport(), channel.getPeerPacketSourceAddress().getHostAddress(),
                    channel.getPeerPacketSourcePort());
        }
        // Every request the stack delivers has a channel; this is the stack's own record of the peer otherwise.
        RequestEventExt ext = (RequestEventExt) event;
        ViaHeader via = (ViaHeader) event.getRequest().getHeader(ViaHeader.NAME);
        return new Flow(via.getTransport(), ext.getRemoteIpAddress(), ext.getRemotePort());
    }
}
