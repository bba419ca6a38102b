// Generated from server/openapi.json by grafana-app/scripts/api-types.mjs (npm run generate -w grafana-app).
// Do not edit: change the server schema, then regenerate.
export interface paths {
  '/api/v1/action-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open review action items across incidents, soonest due first, with an overdue flag */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OpenActionItems'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alertmanager/notify/{channel}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Alertmanager → IM bridge: a webhook (payload version 4) forwarded to a channel through the outbox, firing and resolved alerts as separate messages aggregated per group; 202 once queued */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          channel: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WebhookPayload'];
        };
      };
      responses: {
        /** @description OK */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BridgeResult'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not sent as Content-Type: application/json */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/alertmanager/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Alertmanager webhook receiver (payload version 4); 200 once the notification is stored, 503 with Retry-After when the server cannot store it now (Alertmanager retries) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WebhookPayload'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookResult'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not sent as Content-Type: application/json */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/escalation/policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The escalation policies (oncall.escalation), in the order they are matched: the first whose severities and services take an incident escalates it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EscalationPolicies'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/incidents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List incidents: filters, sort, cursor pagination (pass nextCursor back as cursor) */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          from?: string;
          label?: string | string[];
          limit?: number;
          q?: string;
          service?: string;
          severity?: string;
          sort?: '-createdAt' | 'createdAt' | '-updatedAt' | 'updatedAt' | '-occurredAt' | 'occurredAt' | 'severity';
          status?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IncidentPage'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Open an incident by hand */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateIncidentBody'];
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Incident'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not sent as Content-Type: application/json */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/incidents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One incident by uuid or number (INC-2026-0042), with its alerts and SLA clocks */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IncidentDetail'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change fields of an incident; each change is recorded in the timeline */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateIncidentBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Incident'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not sent as Content-Type: application/json */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/incidents/{id}/{action}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Transition: acknowledge, mitigate, wait, resolve, close or reopen (409 names the current status) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          action: components['schemas']['IncidentAction'];
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['TransitionBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Incident'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with the current state (e.g. an illegal transition) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not sent as Content-Type: application/json */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Well-formed but refused by a rule */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/incidents/{id}/alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The alerts of an incident, one per fingerprint (its latest firing), a page at a time */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AlertPage'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/incidents/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a comment to the timeline */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CommentBody'];
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TimelineEntry'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not sent as Content-Type: application/json */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/incidents/{id}/escalation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An incident's escalation: its policy, where it stands (the next step and when it pages, or who stopped it) and every step paged with the people and channels notified */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IncidentEscalation'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/incidents/{id}/related': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Incidents of the same service and alertname within incidents.recurrence_window of this one */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              incidents: components['schemas']['Incident'][];
            };
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/incidents/{id}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The post-incident review (复盘) of an incident */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Review'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Write or replace the review; action items keep their id */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ReviewBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Review'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not sent as Content-Type: application/json */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/incidents/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The append-only timeline: state changes, assignments, comments, alerts, SLA events */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Timeline'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/incidents/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many incidents each status has, under the same filters as the list (status aside) */
    get: {
      parameters: {
        query?: {
          from?: string;
          label?: string | string[];
          q?: string;
          service?: string;
          severity?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IncidentCounts'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notify/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The notification channels: limits, state, last platform error, queue and the last hour’s counts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              channels: components['schemas']['NotifyChannel'][];
            };
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notify/channels/{name}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Queue a test message on a channel (it goes through the queue, the limiter and the platform like any other) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NotifyMessage'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notify/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The outbox, newest first: what was queued, sent or given up, with the platform’s last error */
    get: {
      parameters: {
        query?: {
          channel?: string;
          cursor?: string;
          limit?: number;
          status?: 'queued' | 'sending' | 'sent' | 'failed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              messages: components['schemas']['NotifyMessage'][];
              nextCursor: components['schemas']['NextCursor'];
            };
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notify/messages/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every request made for one message, with the platform’s answer */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              deliveries: components['schemas']['NotifyDelivery'][];
            };
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notify/messages/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Queue a failed message again (from its first unsent part) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NotifyMessage'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with the current state (e.g. an illegal transition) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/oncall/handovers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Handovers, newest first, with the incidents open when each was written and who acknowledged it */
    get: {
      parameters: {
        query?: {
          limit?: number;
          roster?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['HandoverList'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Writes a handover of a layer to the person taking over: who was on call, the notes and the incidents open now */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateHandoverBody'];
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Handover'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not sent as Content-Type: application/json */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/oncall/handovers/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Acknowledged by the person taking over: the caller's Grafana user (login or email) or token name must be that person's id or email, or the token an admin's */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AcknowledgeHandoverBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Handover'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with the current state (e.g. an illegal transition) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not sent as Content-Type: application/json */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/oncall/now': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is on call at `at` (default now): one shift per layer of each roster, overrides and swaps applied; person null when nobody covers the layer then */
    get: {
      parameters: {
        query?: {
          at?: string;
          layer?: string;
          roster?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OnCallNow'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/oncall/overrides': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Overrides and swaps in force overlapping [from, to) (default: the next 62 days), each with its timeline */
    get: {
      parameters: {
        query?: {
          from?: string;
          roster?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OverrideList'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Puts a person on a layer over [start, end) instead of the rotation, with a reason; 409 when it overlaps another override of the layer (named) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateOverrideBody'];
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Override'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with the current state (e.g. an illegal transition) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not sent as Content-Type: application/json */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/oncall/overrides/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Removes an override (kept, marked removed, on its timeline); removing one side of a swap removes both */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Override'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/oncall/rosters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Duty rosters (值班, configuration oncall.rosters): layers with members, cadence, handoff time and the days they work on the service calendar */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              rosters: components['schemas']['Roster'][];
            };
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/oncall/rosters/{name}/calendar.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A roster's shifts as an iCalendar feed (RFC 5545, text/calendar), one event per covered shift; default from 7 days ago for 56 days */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
        };
        header?: never;
        path: {
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/calendar': string;
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/oncall/rosters/{name}/schedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A roster's shifts over [from, to) (at most 62 days), overrides applied, and the kind of each local date on its calendar (workday, rest_day, holiday; a make-up workday 调休 is a workday) */
    get: {
      parameters: {
        query: {
          from: string;
          layer?: string;
          to: string;
        };
        header?: never;
        path: {
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RosterSchedule'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/oncall/swaps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Swaps two people's rotation shifts on a layer (each named by an instant inside it) as two linked overrides */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateSwapBody'];
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OverrideList'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with the current state (e.g. an illegal transition) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not sent as Content-Type: application/json */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Well-formed but refused by a rule */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/people': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The people directory (configuration `people`): each person's WeCom userid, Feishu open_id, DingTalk mobile, email, language and roles, so mentions and escalations reach them */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['People'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/recurrence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Repeat counts per (service, alertname) over the last 30 and 90 days, most repeated first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              repeats: {
                alertname: string;
                last30Days: number;
                last90Days: number;
                lastOccurredAt: string;
                service: string;
              }[];
            };
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sla/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** SLA report for incidents detected in [from, to): met, breached, running and self-cleared per severity and goal; MTTA, MTTR, MTBF and availability per service over the elapsed part of the period (docs/sla.md). Dates (2026-11-01) are whole days in timeZone (default: the first SLA calendar's) */
    get: {
      parameters: {
        query: {
          from: string;
          service?: string;
          timeZone?: string;
          to: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SlaReport'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API tokens (never their secrets) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TokenList'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create an API token; the secret is in this response only */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateTokenBody'];
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CreatedToken'];
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with the current state (e.g. an illegal transition) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The body is not sent as Content-Type: application/json */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/tokens/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API token */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              revoked: string;
            };
          };
        };
        /** @description Invalid request: the message names the field and the fix */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Missing or unknown token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description The token role is too low */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict with the current state (e.g. an illegal transition) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Body larger than http.body_limit_bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Rate limit of the token exceeded (Retry-After says when to retry) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Overloaded, or the database does not answer: retry after Retry-After seconds */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AcknowledgeHandoverBody: Record<string, never>;
    ActionItem: {
      dueDate: string;
      id: string;
      /** @description not done or cancelled, and its due date has passed (UTC) */
      overdue: boolean;
      owner: string;
      /** @enum {string} */
      status: 'open' | 'in_progress' | 'done' | 'cancelled';
      title: string;
    };
    ActionItemInput: {
      dueDate: string;
      /** @description keep the id to update an existing item; omit for a new one */
      id?: string;
      owner: string;
      /**
       * @default open
       * @enum {string}
       */
      status?: 'open' | 'in_progress' | 'done' | 'cancelled';
      title: string;
    };
    Alert: {
      alertname: string;
      /** @description as of the latest notification */
      annotations: {
        [key: string]: string;
      };
      endsAt: string | null;
      fingerprint: string;
      generatorURL: string;
      labels: {
        [key: string]: string;
      };
      lastSeenAt: string;
      /** @description the runbook_url annotation */
      runbookUrl: string | null;
      /** @description its latest firing: an alert that fired again is listed once */
      startsAt: string;
      /**
       * @description closed: a person resolved or closed the incident while the alert was still firing
       * @enum {string}
       */
      status: 'firing' | 'resolved' | 'closed';
    };
    AlertmanagerAlert: {
      /** @default {} */
      annotations?: {
        [key: string]: string;
      };
      /** @default 0001-01-01T00:00:00Z */
      endsAt?: '0001-01-01T00:00:00Z' | string;
      fingerprint: string;
      /** @default  */
      generatorURL?: string;
      labels: {
        [key: string]: string;
      };
      /** Format: date-time */
      startsAt: string;
      /** @enum {string} */
      status: 'firing' | 'resolved';
    };
    AlertPage: {
      alerts: components['schemas']['Alert'][];
      nextCursor: components['schemas']['NextCursor'];
    };
    BridgeResult: {
      /** @description messages queued: one per phase (firing, resolved) present */
      queued: number;
    };
    CommentBody: {
      text: string;
    };
    CreatedToken: {
      createdAt: string;
      createdBy: string;
      /** @description the Grafana app plugin token: only it may name the Grafana user (X-Grafana-Context) in the timeline */
      grafanaPlugin: boolean;
      id: string;
      lastUsedAt: string | null;
      name: string;
      revokedAt: string | null;
      role: components['schemas']['Role'];
      /** @description the secret, shown this once: store it now */
      token: string;
    };
    CreateHandoverBody: {
      layer: string;
      /** @default  */
      notes?: string;
      roster: string;
      to: string;
    };
    CreateIncidentBody: {
      assignee?: string;
      /** Format: date-time */
      detectedAt?: string;
      /** @default  */
      impact?: string;
      /** @default {} */
      labels?: {
        [key: string]: string;
      };
      /** Format: date-time */
      occurredAt?: string;
      /** @default  */
      service?: string;
      severity: components['schemas']['Severity'];
      /** @enum {string} */
      supportMode?: 'remote' | 'onsite';
      /** @default  */
      symptom?: string;
      title: string;
    };
    CreateOverrideBody: {
      /** Format: date-time */
      end: string;
      layer: string;
      person: string;
      reason: string;
      roster: string;
      /** Format: date-time */
      start: string;
    };
    CreateSwapBody: {
      a: {
        person: string;
        /**
         * Format: date-time
         * @description any instant inside the shift this person gives away
         */
        start: string;
      };
      b: {
        person: string;
        /**
         * Format: date-time
         * @description any instant inside the shift this person gives away
         */
        start: string;
      };
      layer: string;
      reason?: string;
      roster: string;
    };
    CreateTokenBody: {
      /** @default false */
      grafanaPlugin?: boolean;
      name: string;
      role: components['schemas']['Role'];
    };
    Error: {
      error: {
        /** @description stable machine-readable reason, e.g. invalid_request, illegal_transition */
        code: string;
        /** @description per-field problems: { in, path, message } */
        details: unknown[];
        /** @description what was wrong and how to fix it */
        message: string;
      };
    };
    EscalationPolicies: {
      policies: components['schemas']['EscalationPolicy'][];
    };
    EscalationPolicy: {
      match: {
        /** @description null: any service */
        services: string[] | null;
        /** @description null: any severity */
        severities: components['schemas']['Severity'][] | null;
      };
      name: string;
      /** @description every step pages outside service hours too */
      outsideHours: boolean;
      /** @description times the steps run again after the first pass */
      repeat: number;
      /** @description the sla.calendars calendar outside whose hours steps wait */
      serviceHours: string | null;
      steps: {
        notify: components['schemas']['EscalationTarget'][];
        /** @description this step pages outside service hours */
        outsideHours: boolean;
        /** @description until the next step (after the last: the next repeat) */
        waitSeconds: number;
      }[];
    };
    /** @description the roster layer's on-call person, a person, everyone with a role, or a channel */
    EscalationTarget:
      | {
          layer: string;
          roster: string;
        }
      | {
          person: string;
        }
      | {
          role: string;
        }
      | {
          channel: string;
        };
    Handover: {
      acknowledgedAt: string | null;
      acknowledgedBy: string | null;
      at: string;
      createdBy: string;
      /** @description who was on call when it was written; null when nobody was */
      from: string | null;
      id: string;
      layer: string;
      notes: string;
      openIncidents: components['schemas']['HandoverIncident'][];
      roster: string;
      timeline: components['schemas']['OncallTimelineEntry'][];
      to: string;
    };
    HandoverIncident: {
      id: string;
      number: string;
      severity: components['schemas']['Severity'];
      status: components['schemas']['IncidentStatus'];
      title: string;
    };
    HandoverList: {
      handovers: components['schemas']['Handover'][];
    };
    Incident: {
      acknowledgedAt: string | null;
      alertname: string | null;
      assignee: string | null;
      closedAt: string | null;
      createdAt: string;
      detectedAt: string;
      groupKey: string | null;
      id: string;
      impact: string;
      labels: {
        [key: string]: string;
      };
      lastSeenAt: string | null;
      mitigatedAt: string | null;
      /** @description human number, e.g. INC-2026-0042 */
      number: string;
      occurredAt: string;
      resolvedAt: string | null;
      /** @description first action of a person (acknowledge, a transition, a comment); stops the response clock */
      respondedAt: string | null;
      service: string;
      severity: components['schemas']['Severity'];
      sla: components['schemas']['SlaGoal'][];
      /** @enum {string} */
      source: 'alertmanager' | 'manual';
      status: components['schemas']['IncidentStatus'];
      supportMode: ('remote' | 'onsite') | null;
      /** @description 现象: what was observed */
      symptom: string;
      title: string;
      /** @description alerts Alertmanager left out of the latest notification (webhook max_alerts): the alert list is incomplete */
      truncatedAlerts: number;
      updatedAt: string;
    };
    /**
     * @description a transition an editor may ask for
     * @enum {string}
     */
    IncidentAction: 'acknowledge' | 'mitigate' | 'wait' | 'resolve' | 'close' | 'reopen';
    IncidentCounts: {
      counts: {
        [key: string]: number;
      };
      total: number;
    };
    IncidentDetail: {
      acknowledgedAt: string | null;
      /** @description how many distinct alerts it has */
      alertCount: number;
      alertname: string | null;
      /** @description the first page of its alerts, one per fingerprint */
      alerts: components['schemas']['Alert'][];
      /** @description more alerts: GET /api/v1/incidents/{id}/alerts?cursor=… */
      alertsNextCursor: components['schemas']['NextCursor'];
      /** @description the transitions its status allows now */
      allowedActions: components['schemas']['IncidentAction'][];
      assignee: string | null;
      closedAt: string | null;
      createdAt: string;
      detectedAt: string;
      groupKey: string | null;
      hasReview: boolean;
      id: string;
      impact: string;
      labels: {
        [key: string]: string;
      };
      lastSeenAt: string | null;
      mitigatedAt: string | null;
      /** @description human number, e.g. INC-2026-0042 */
      number: string;
      occurredAt: string;
      resolvedAt: string | null;
      /** @description first action of a person (acknowledge, a transition, a comment); stops the response clock */
      respondedAt: string | null;
      service: string;
      severity: components['schemas']['Severity'];
      sla: components['schemas']['SlaGoal'][];
      /** @enum {string} */
      source: 'alertmanager' | 'manual';
      status: components['schemas']['IncidentStatus'];
      supportMode: ('remote' | 'onsite') | null;
      /** @description 现象: what was observed */
      symptom: string;
      title: string;
      /** @description alerts Alertmanager left out of the latest notification (webhook max_alerts): the alert list is incomplete */
      truncatedAlerts: number;
      updatedAt: string;
    };
    IncidentEscalation: {
      finishedAt: string | null;
      history: {
        /** Format: date-time */
        at: string;
        /** @description channels the notification was queued to */
        channels: string[];
        /** Format: date-time */
        dueAt: string;
        /** @description people ids mentioned */
        notified: string[];
        /** @description the policy the step belongs to (a severity change moves an incident to another) */
        policy: string;
        /** @description 0: the first pass */
        repeat: number;
        /** @description 1-based */
        step: number;
        /** @description targets nobody covered at that moment */
        uncovered: components['schemas']['EscalationTarget'][];
      }[];
      /** @description when the next step pages */
      nextAt: string | null;
      /** @description the policy chosen when the incident opened; null: none matched */
      policy: string | null;
      repeat: number;
      startedAt: string | null;
      /** @enum {string} */
      state: 'none' | 'running' | 'stopped' | 'finished' | 'waiting_for_service_hours';
      /** @description the next step to page (1-based); once over, the last one */
      step: number;
      stoppedAt: string | null;
      /** @description who acknowledged, responded, resolved or closed */
      stoppedBy: string | null;
      stopReason: ('acknowledged' | 'responded' | 'resolved' | 'closed' | 'policy_removed') | null;
    };
    IncidentPage: {
      incidents: components['schemas']['Incident'][];
      nextCursor: components['schemas']['NextCursor'];
    };
    /** @enum {string} */
    IncidentStatus: 'triggered' | 'acknowledged' | 'mitigated' | 'waiting_for_customer' | 'resolved' | 'closed';
    /** @description null on the last page; otherwise send it back as cursor */
    NextCursor: string | null;
    NotifyChannel: {
      failedLastHour: number;
      /** @enum {string} */
      language: 'zh-Hans' | 'en';
      lastError: components['schemas']['NotifyError'];
      limits: {
        /** @description bytes per request; a longer message is split into parts titled [k/n] */
        maxBytes: number;
        rates: {
          count: number;
          windowSeconds: number;
        }[];
      };
      name: string;
      oldestQueuedAt: string | null;
      queued: number;
      sentLastHour: number;
      /**
       * @description config_error: the platform’s last answer (or a missing secret) says the configuration is wrong; unknown: nothing sent yet
       * @enum {string}
       */
      status: 'ok' | 'config_error' | 'unknown';
      /** @enum {string} */
      type: 'wecom' | 'feishu' | 'dingtalk' | 'email' | 'webhook';
    };
    NotifyDelivery: {
      at: string;
      code: string | null;
      durationMs: number;
      error: string | null;
      httpStatus: number | null;
      /**
       * @description transient also for a request whose answer was never recorded (the server stopped during it)
       * @enum {string}
       */
      outcome: 'sent' | 'throttled' | 'config' | 'transient' | 'rejected';
      part: number;
      parts: number;
    };
    NotifyError: {
      at: string;
      /** @description the platform’s error code, e.g. WeCom 45009, Feishu 19021 */
      code: string | null;
      /** @description throttled, config, transient, rejected or expired */
      kind: string;
      message: string;
    } | null;
    NotifyMessage: {
      attempts: number;
      channel: string;
      createdAt: string;
      id: string;
      /** @description aggregation key: the incident’s id or the Alertmanager groupKey */
      key: string;
      /** @enum {string} */
      kind:
        | 'incident.opened'
        | 'incident.acknowledged'
        | 'incident.escalated'
        | 'incident.resolved'
        | 'incident.reopened'
        | 'sla.at_risk'
        | 'sla.breached'
        | 'alert.group'
        | 'inspection.report_ready'
        | 'backup.failed'
        | 'vulnerability.overdue'
        | 'survey.low_score'
        | 'test';
      lastError: components['schemas']['NotifyError'];
      nextAttemptAt: string | null;
      /** @description requests the message takes (0 until rendered) */
      parts: number;
      partsSent: number;
      /** @enum {string} */
      phase: 'firing' | 'resolved' | 'info';
      sentAt: string | null;
      /** @enum {string} */
      status: 'queued' | 'sending' | 'sent' | 'failed';
      title: string;
    };
    OnCallNow: {
      at: string;
      shifts: components['schemas']['Shift'][];
    };
    OncallTimelineEntry: {
      actor: string;
      at: string;
      data: {
        [key: string]: unknown;
      };
      kind: string;
    };
    OpenActionItem: {
      dueDate: string;
      id: string;
      incident: string;
      /** @description not done or cancelled, and its due date has passed (UTC) */
      overdue: boolean;
      owner: string;
      /** @enum {string} */
      status: 'open' | 'in_progress' | 'done' | 'cancelled';
      title: string;
    };
    OpenActionItems: {
      actionItems: components['schemas']['OpenActionItem'][];
    };
    Override: {
      createdAt: string;
      createdBy: string;
      end: string;
      id: string;
      layer: string;
      /** @description people-directory id */
      person: string;
      reason: string;
      removedAt: string | null;
      removedBy: string | null;
      roster: string;
      start: string;
      swapId: string | null;
      timeline: components['schemas']['OncallTimelineEntry'][];
    };
    OverrideList: {
      overrides: components['schemas']['Override'][];
    };
    People: {
      people: components['schemas']['Person'][];
    };
    Person: {
      dingtalkMobile: string | null;
      email: string | null;
      feishuOpenId: string | null;
      id: string;
      /** @enum {string} */
      language: 'zh-Hans' | 'en';
      name: string;
      roles: string[];
      wecomUserId: string | null;
    };
    Review: {
      actionItems: components['schemas']['ActionItem'][];
      contributingFactors: string;
      createdAt: string;
      detection: string;
      impact: string;
      incident: string;
      lessons: {
        gotLucky: string;
        wentWell: string;
        wentWrong: string;
      };
      resolution: string;
      rootCause: string;
      summary: string;
      trigger: string;
      updatedAt: string;
      updatedBy: string;
    };
    ReviewBody: {
      /** @default [] */
      actionItems?: components['schemas']['ActionItemInput'][];
      /** @default  */
      contributingFactors?: string;
      /** @default  */
      detection?: string;
      /** @default  */
      impact?: string;
      /** @default {} */
      lessons?: {
        /** @default  */
        gotLucky?: string;
        /** @default  */
        wentWell?: string;
        /** @default  */
        wentWrong?: string;
      };
      /** @default  */
      resolution?: string;
      /** @default  */
      rootCause?: string;
      /** @default  */
      summary?: string;
      /** @default  */
      trigger?: string;
    };
    /**
     * @description viewer < editor < admin
     * @enum {string}
     */
    Role: 'viewer' | 'editor' | 'admin';
    Roster: {
      calendar: string;
      layers: components['schemas']['RosterLayer'][];
      name: string;
      timezone: string;
    };
    RosterDay: {
      date: string;
      /** @enum {string} */
      kind: 'workday' | 'rest_day' | 'holiday';
      /** @description a make-up workday (调休上班) on what would be a rest day */
      makeup: boolean;
      name: string | null;
    };
    RosterLayer: {
      /** @description daily, weekly or Nd (every N days) */
      cadence: string;
      /** @enum {string} */
      days: 'any' | 'workday' | 'rest_day' | 'holiday';
      /** @description HH:MM, wall time in the roster zone */
      handoff: string;
      members: string[];
      name: string;
      /** @description YYYY-MM-DD: the first member takes the duty day of this date */
      start: string;
    };
    RosterSchedule: {
      days: components['schemas']['RosterDay'][];
      shifts: components['schemas']['Shift'][];
    };
    /** @enum {string} */
    Severity: 'P1' | 'P2' | 'P3' | 'P4';
    Shift: {
      end: string;
      layer: string;
      overrideId: string | null;
      /** @description null: nobody covers the layer then */
      person: components['schemas']['Person'] | null;
      roster: string;
      /** @enum {string} */
      source: 'rotation' | 'override' | 'swap';
      start: string;
    };
    SlaGoal: {
      /** @description in the last sla.at_risk_share of the goal and not yet due */
      atRisk: boolean;
      calendar: string;
      /** @description when the goal falls due (or fell due, once breached); null while waiting for the customer */
      dueAt: string | null;
      /** @description business time counted so far, pauses excluded */
      elapsedSeconds: number;
      /** @enum {string} */
      goal: 'response' | 'resolution';
      goalSeconds: number;
      /** @description outside working hours: when the clock runs again (the next working time of its calendar) */
      pausedUntil: string | null;
      pauseReason: ('waiting' | 'outside_working_hours') | null;
      remainingSeconds: number;
      /**
       * @description paused: waiting for the customer, or outside working hours (see pausedUntil); self_cleared: resolved by Alertmanager before the response goal fell due, nobody responded — neither met nor breached
       * @enum {string}
       */
      state: 'running' | 'paused' | 'met' | 'breached' | 'self_cleared';
    };
    SlaReport: {
      /** @description the part of [from, to) that has happened: MTBF and availability count only this */
      elapsedSeconds: number;
      from: string;
      goals: components['schemas']['SlaReportGoal'][];
      incidents: number;
      service: string | null;
      services: components['schemas']['SlaReportService'][];
      to: string;
    };
    SlaReportGoal: {
      breached: number;
      count: number;
      /** @enum {string} */
      goal: 'response' | 'resolution';
      met: number;
      /** @description met / (met + breached) × 100 */
      pctMet: number | null;
      /** @description not yet met or breached, paused included */
      running: number;
      /** @description resolved by Alertmanager before the response goal fell due, nobody responded */
      selfCleared: number;
      severity: components['schemas']['Severity'];
    };
    SlaReportService: {
      /** @description 1 − downtime / elapsed, a ratio */
      availability: number | null;
      downtimeSeconds: number;
      incidents: number;
      mtbfSeconds: number | null;
      mttaSeconds: number | null;
      mttrSeconds: number | null;
      /** @description resolved incidents (the MTTR sample) */
      resolved: number;
      /** @description incidents a person responded to (the MTTA sample) */
      responded: number;
      service: string;
    };
    Timeline: {
      entries: components['schemas']['TimelineEntry'][];
    };
    TimelineEntry: {
      actor: string;
      at: string;
      data: {
        [key: string]: unknown;
      };
      id: number;
      kind: string;
    };
    Token: {
      createdAt: string;
      createdBy: string;
      /** @description the Grafana app plugin token: only it may name the Grafana user (X-Grafana-Context) in the timeline */
      grafanaPlugin: boolean;
      id: string;
      lastUsedAt: string | null;
      name: string;
      revokedAt: string | null;
      role: components['schemas']['Role'];
    };
    TokenList: {
      tokens: components['schemas']['Token'][];
    };
    TransitionBody: {
      note?: string;
    };
    UpdateIncidentBody: {
      assignee?: string | null;
      impact?: string;
      labels?: {
        [key: string]: string;
      };
      /** Format: date-time */
      occurredAt?: string;
      service?: string;
      severity?: components['schemas']['Severity'];
      supportMode?: ('remote' | 'onsite') | null;
      symptom?: string;
      title?: string;
    };
    WebhookPayload: {
      alerts: components['schemas']['AlertmanagerAlert'][];
      /** @default {} */
      commonAnnotations?: {
        [key: string]: string;
      };
      /** @default {} */
      commonLabels?: {
        [key: string]: string;
      };
      /** @default  */
      externalURL?: string;
      groupKey: string;
      /** @default {} */
      groupLabels?: {
        [key: string]: string;
      };
      receiver: string;
      /** @enum {string} */
      status: 'firing' | 'resolved';
      /**
       * @description alerts Alertmanager left out of this notification (its webhook max_alerts)
       * @default 0
       */
      truncatedAlerts?: number;
      /** @constant */
      version: '4';
    };
    WebhookResult: {
      alertsNew: number;
      alertsResolved: number;
      /** @description incident number, when the payload concerns one */
      incident: string | null;
      /** @enum {string} */
      outcome: 'opened' | 'updated' | 'reopened' | 'resolved' | 'unchanged' | 'ignored';
      /** @description label or annotation values stored shortened (over the stored length, with a marker) */
      truncatedAnnotations: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
