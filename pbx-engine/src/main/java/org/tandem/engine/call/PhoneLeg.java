package org.tandem.engine.call;

import org.tandem.domain.registration.Flow;

import javax.sip.address.Address;
import javax.sip.address.URI;

/** A leg to a phone: the caller, from the packets' source, or a callee's phone, over its registration's flow. */
final class PhoneLeg extends Leg {

    PhoneLeg(String callId, Address local, String localTag, Address remote, String remoteTag, URI target, Flow flow) {
        super(callId, local, localTag, remote, remoteTag, target, flow);
    }
}
