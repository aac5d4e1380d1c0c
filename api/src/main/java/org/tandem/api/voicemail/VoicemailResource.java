package org.tandem.api.voicemail;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.voicemail.MailboxChange;
import org.tandem.administration.voicemail.MessageAudio;
import org.tandem.administration.voicemail.VoicemailService;
import org.tandem.api.request.JsonRequest;
import org.tandem.api.security.Caller;
import org.tandem.domain.voicemail.MessageFolder;

import java.util.Set;
import java.util.UUID;

/**
 * The mailbox of extension {@code number} ({@link VoicemailService}): a tenant admin's or reseller's for
 * any extension of the tenant, a tenant user's for their own. Any other tenant, extension or message is 404.
 */
@Path("v1/tenants/{tenantId}/extensions/{number}/voicemail")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class VoicemailResource {

    private static final String FOLDER = "folder";

    @Inject
    private VoicemailService voicemail;
    @Inject
    private Caller caller;

    @GET
    public Voicemail mailbox(@PathParam("tenantId") UUID tenantId, @PathParam("number") String number) {
        return Voicemail.of(voicemail.mailbox(caller.actor(), tenantId, number));
    }

    /**
     * Opens the mailbox of an extension that has none (one made before every new extension got its
     * mailbox): enabled, with a generated PIN in this answer only. 409 if it has one.
     */
    @POST
    public Response open(@PathParam("tenantId") UUID tenantId, @PathParam("number") String number,
                         @Context UriInfo uri) {
        OpenedVoicemail opened = OpenedVoicemail.of(voicemail.open(caller.actor(), tenantId, number));
        return Response.created(uri.getAbsolutePath()).entity(opened).build();
    }

    /**
     * Replaces the settings: {@code enabled} and {@code noAnswerSeconds} are required, a missing email is
     * none (and {@code attachAudio} false), and a PIN given is the new one (the mailbox keeps its PIN otherwise).
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Voicemail replace(@PathParam("tenantId") UUID tenantId, @PathParam("number") String number, String body) {
        JsonRequest request = JsonRequest.parse(body, Set.of(VoicemailService.ENABLED, VoicemailService.NO_ANSWER,
                VoicemailService.EMAIL, VoicemailService.ATTACH_AUDIO, VoicemailService.PIN));
        Boolean enabled = request.truth(VoicemailService.ENABLED);
        Integer noAnswer = request.whole(VoicemailService.NO_ANSWER);
        String email = request.text(VoicemailService.EMAIL);
        Boolean attach = request.truth(VoicemailService.ATTACH_AUDIO);
        String pin = request.text(VoicemailService.PIN);
        request.requireValid();
        return Voicemail.of(voicemail.changeSettings(caller.actor(), tenantId, number, new MailboxChange(enabled,
                noAnswer == null ? null : noAnswer.longValue(), email, Boolean.TRUE.equals(attach), pin)));
    }

    @GET
    @Path("messages")
    public VoicemailMessageList messages(@PathParam("tenantId") UUID tenantId, @PathParam("number") String number) {
        return new VoicemailMessageList(number, voicemail.messages(caller.actor(), tenantId, number).stream()
                .map(VoicemailMessage::of).toList());
    }

    /** Files the message: {@code {"folder": "SAVED"}} marks it read; a message only moves forward. */
    @POST
    @Path("messages/{messageId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public VoicemailMessage file(@PathParam("tenantId") UUID tenantId, @PathParam("number") String number,
                                 @PathParam("messageId") UUID messageId, String body) {
        JsonRequest request = JsonRequest.parse(body, Set.of(FOLDER));
        MessageFolder folder = request.choice(FOLDER, MessageFolder.class);
        request.requireValid();
        if (folder != MessageFolder.SAVED) {
            throw InvalidInputException.of(FOLDER,
                    "A message is filed as SAVED (read); to delete it, send DELETE to the message");
        }
        return VoicemailMessage.of(voicemail.markRead(caller.actor(), tenantId, number, messageId));
    }

    @DELETE
    @Path("messages/{messageId}")
    public Response delete(@PathParam("tenantId") UUID tenantId, @PathParam("number") String number,
                           @PathParam("messageId") UUID messageId) {
        voicemail.delete(caller.actor(), tenantId, number, messageId);
        return Response.noContent().build();
    }

    /** The recording as a WAV file, whole: no ranges, its length told up front. */
    @GET
    @Path("messages/{messageId}/audio")
    @Produces(MessageAudio.MEDIA_TYPE)
    public Response audio(@PathParam("tenantId") UUID tenantId, @PathParam("number") String number,
                          @PathParam("messageId") UUID messageId) {
        MessageAudio audio = voicemail.audio(caller.actor(), tenantId, number, messageId);
        StreamingOutput content = output -> {
            try (audio) {
                audio.content().transferTo(output);
            }
        };
        return Response.ok(content, MessageAudio.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, audio.size())
                .header("Accept-Ranges", "none")
                .header("Content-Disposition", "inline; filename=\"" + audio.fileName() + "\"")
                .build();
    }
}
