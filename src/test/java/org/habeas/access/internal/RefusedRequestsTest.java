package org.habeas.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;

/** The refusal journal without a server: a journal that cannot be written leaves the answer as it was. */
class RefusedRequestsTest {

    private final Journal journal = mock(Journal.class);
    private final RefusedRequests filter = new RefusedRequests(journal, mock(PlatformTransactionManager.class));

    @Test
    void aFailingJournalWriteLeavesTheRefusalAsItWas() throws Exception {
        doThrow(new DataAccessResourceFailureException("database gone")).when(journal).append(any());
        var request = new MockHttpServletRequest("GET", "/api/journal");
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            ((MockHttpServletResponse) res).setStatus(403);
            res.getWriter().write("{\"code\":\"FORBIDDEN\"}");
        });
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).isEqualTo("{\"code\":\"FORBIDDEN\"}");
        verify(journal).append(any());
    }

    @Test
    void thePathLosesItsQueryStringAndPathParameters() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/people/1;jsessionid=ABC123/whereabouts");
        request.setQueryString("q=secret");
        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> ((MockHttpServletResponse) res).setStatus(401));
        var entry = ArgumentCaptor.forClass(JournalEntry.class);
        verify(journal).append(entry.capture());
        assertThat(entry.getValue().subjectId()).isEqualTo("/api/people/1/whereabouts");
        assertThat(entry.getValue().details().toString()).doesNotContain("secret").doesNotContain("ABC123");
        assertThat(entry.getValue().actor()).isEqualTo("anonymous");
    }

    @Test
    void anAnswerThatIsNoRefusalIsNotJournaled() throws Exception {
        for (int status : new int[] {200, 302, 400, 404, 409, 500}) {
            filter.doFilter(new MockHttpServletRequest("GET", "/api/facilities/X"), new MockHttpServletResponse(),
                    (req, res) -> ((MockHttpServletResponse) res).setStatus(status));
        }
        verify(journal, never()).append(any());
    }
}
