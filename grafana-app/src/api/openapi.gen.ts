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
    IncidentPage: {
      incidents: components['schemas']['Incident'][];
      nextCursor: components['schemas']['NextCursor'];
    };
    /** @enum {string} */
    IncidentStatus: 'triggered' | 'acknowledged' | 'mitigated' | 'waiting_for_customer' | 'resolved' | 'closed';
    /** @description null on the last page; otherwise send it back as cursor */
    NextCursor: string | null;
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
    /** @enum {string} */
    Severity: 'P1' | 'P2' | 'P3' | 'P4';
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
