package org.tandem.portal.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tandem.administration.operator.ClusterService;
import org.tandem.portal.security.ClientAddress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: this node's view of the cluster for Prometheus. The exact path wins over the
 * portal's {@code /*}, so Vaadin never sees it. Refused (403, a line saying why) to a scraper that
 * {@link ScraperAccess} does not allow, judged by its {@link ClientAddress} (behind a trusted reverse
 * proxy, the client's, not the proxy's loopback address); 503 while this node's database does not answer.
 */
@WebServlet(name = "metrics", urlPatterns = MetricsServlet.PATH)
public class MetricsServlet extends HttpServlet {

    public static final String PATH = "/metrics";

    private static final System.Logger LOG = System.getLogger(MetricsServlet.class.getName());

    @Inject
    ClusterService cluster;

    private final ScraperAccess access = ScraperAccess.fromSystemProperties();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        if (!access.allows(request.getHeader("Authorization"), ClientAddress.of(request))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write(access.refusal());
            return;
        }
        String body;
        try {
            body = PrometheusText.of(cluster.overviewForMetrics());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "metrics not available: " + e.getMessage());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write("This node cannot read its database now\n");
            return;
        }
        response.setContentType(PrometheusText.CONTENT_TYPE);
        response.getWriter().write(body);
    }
}
