package org.tandem.engine.writebehind;

import org.tandem.domain.call.ActiveCall;
import org.tandem.domain.call.ActiveCallChange;
import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.call.CallRecord;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * How the values the engine spools are written into a spool record: their fields in order, in
 * {@link DataOutput}'s encoding (a null answer time as a flag).
 */
final class SpoolCodecs {

    static final Spool.Codec<CallRecord> CALL_RECORDS = new Spool.Codec<>() {
        @Override
        public void write(CallRecord record, DataOutput out) throws IOException {
            writeUuid(record.id(), out);
            writeUuid(record.tenantId(), out);
            writeUuid(record.nodeId(), out);
            out.writeUTF(record.caller());
            out.writeUTF(record.callee());
            writeInstant(record.startedAt(), out);
            writeOptionalInstant(record.answeredAt(), out);
            writeInstant(record.endedAt(), out);
            out.writeUTF(record.disposition().name());
            out.writeShort(record.sipCause());
        }

        @Override
        public CallRecord read(DataInput in) throws IOException {
            return new CallRecord(readUuid(in), readUuid(in), readUuid(in), in.readUTF(), in.readUTF(), readInstant(in),
                    readOptionalInstant(in), readInstant(in), CallDisposition.valueOf(in.readUTF()), in.readShort());
        }
    };

    static final Spool.Codec<ActiveCallChange> ACTIVE_CALL_CHANGES = new Spool.Codec<>() {
        @Override
        public void write(ActiveCallChange change, DataOutput out) throws IOException {
            writeUuid(change.callId(), out);
            out.writeBoolean(change.now().isPresent());
            if (change.now().isPresent()) {
                ActiveCall call = change.now().get();
                writeUuid(call.tenantId(), out);
                writeUuid(call.nodeId(), out);
                out.writeUTF(call.caller());
                out.writeUTF(call.callee());
                writeInstant(call.startedAt(), out);
                writeOptionalInstant(call.answeredAt(), out);
            }
        }

        @Override
        public ActiveCallChange read(DataInput in) throws IOException {
            UUID callId = readUuid(in);
            if (!in.readBoolean()) {
                return ActiveCallChange.ended(callId);
            }
            return ActiveCallChange.up(new ActiveCall(callId, readUuid(in), readUuid(in), in.readUTF(), in.readUTF(),
                    readInstant(in), readOptionalInstant(in)));
        }
    };

    private SpoolCodecs() {
    }

    private static void writeUuid(UUID id, DataOutput out) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static UUID readUuid(DataInput in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    private static void writeInstant(Instant instant, DataOutput out) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInput in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeOptionalInstant(Instant instant, DataOutput out) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            writeInstant(instant, out);
        }
    }

    private static Instant readOptionalInstant(DataInput in) throws IOException {
        return in.readBoolean() ? readInstant(in) : null;
    }
}
