package org.tandem.portal.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * TRACE echoes a request, its cookies included, back to whoever sent it (cross-site tracing), and the
 * portal has no use for it: 405 before any servlet sees it. The server lets TRACE through to the
 * applications so that the API can answer it with a problem document, as every other refusal.
 */
@WebFilter(urlPatterns = "/*")
public class TraceRefusal extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"TRACE".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader("Allow", "GET, HEAD, POST");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("TRACE is not allowed here.\n");
    }
}
