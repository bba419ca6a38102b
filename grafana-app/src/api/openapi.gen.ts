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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/backups/policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Backup policies (configuration backups.policies) with their status: last run, last success, RPO met or breached, last restore test (恢复演练) and its measured time against the RTO */
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
            'application/json': components['schemas']['BackupPolicies'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/backups/restore-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Data-restore requests, newest first; with incidentId, that incident's and the time spent restoring within its repair time */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          incidentId?: string;
          limit?: number;
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
            'application/json': components['schemas']['RestoreRequestPage'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
    /** Requests a data restore (数据恢复) for an incident: what, from which policy and snapshot, for whom; on the incident's timeline */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateRestoreRequestBody'];
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RestoreRequest'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/backups/restore-requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One data-restore request */
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
            'application/json': components['schemas']['RestoreRequest'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/backups/restore-requests/{id}/{action}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Moves a restore request on: start { at?, note? }, finish { at?, result: restored|failed, note? }, verify { at?, evidence }, cancel { reason }; each on the incident's timeline. A failed restore may start again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          action: 'start' | 'finish' | 'verify' | 'cancel';
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RestoreActionBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RestoreRequest'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/backups/restore-tests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Restore tests, newest first, each with the RTO it was judged against */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          policy?: string;
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
            'application/json': components['schemas']['RestoreTestPage'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
    /** Records a restore test (恢复演练): the measured restore time is the RTO evidence; idempotent by `id` like runs */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RestoreTestReport'];
        };
      };
      responses: {
        /** @description this id was recorded before with the same report (a resend): the stored one */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RestoreTestRecorded'];
          };
        };
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RestoreTestRecorded'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/backups/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Backup runs, newest first */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          policy?: string;
          result?: 'success' | 'partial' | 'failed';
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
            'application/json': components['schemas']['BackupRunPage'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
    /** Records a backup run reported by the backup host (opsdesk-backup run, or any tool): `id` is the idempotency key generated once per report, so a resend is recorded once (200); the same id with another report is 409. A failed run sends backup.failed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['BackupRunReport'];
        };
      };
      responses: {
        /** @description this id was recorded before with the same report (a resend): the stored one */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BackupRunRecorded'];
          };
        };
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BackupRunRecorded'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/incidents/{id}/verifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Starts a verification run for the incident (the full test after a repair), on the incident's timeline; with inspections.verification_required_for, such an incident closes only after a completed one with no critical or error item */
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
          'application/json': components['schemas']['InspectionVerificationStart'];
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InspectionRun'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stored reports (the files of completed runs), newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
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
            'application/json': components['schemas']['InspectionReports'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Runs, newest first; ?template, ?state, ?incident (its verification runs) */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          incident?: string;
          limit?: number;
          state?: 'open' | 'signed' | 'completed' | 'cancelled';
          template?: string;
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
            'application/json': components['schemas']['InspectionRuns'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
    /** Starts a run (巡检): the metric and configuration items are evaluated against Prometheus now and frozen (a query error makes its item an error, never a failed run); manual items wait */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['InspectionRunStart'];
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InspectionRun'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One run (id or number): its items with their frozen results, signatures and timeline */
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
            'application/json': components['schemas']['InspectionRun'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/runs/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancels a run that is not completed, with the reason */
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
          'application/json': components['schemas']['InspectionCancel'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InspectionRun'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/runs/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The completed run, or 409 gate_unmet naming every gap: manual items without a result, the missing inspector or reviewer signature */
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
            'application/json': components['schemas']['InspectionRun'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/runs/{id}/items/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A manual item's result (normal, abnormal with a note, not applicable) with evidence, while the run is open; metric items are measured, not edited */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['InspectionItemResult'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InspectionRun'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/runs/{id}/items/{key}/follow-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Opens an incident from a warning, critical, error or abnormal item, linked both ways (the item names the incident; the incident's timeline names the run and the item) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          key: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['InspectionFollowUp'];
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InspectionFollowedUp'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/runs/{id}/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The report model the files are rendered from (JSON), ?lang=zh-Hans|en-US */
    get: {
      parameters: {
        query?: {
          lang?: 'zh-Hans' | 'en-US';
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
            'application/json': components['schemas']['InspectionReport'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/runs/{id}/report.html': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The run's report as a self-contained HTML page: the stored one of a completed run, rendered now otherwise; ?lang=zh-Hans|en-US (default inspections.report_locale) */
    get: {
      parameters: {
        query?: {
          lang?: 'zh-Hans' | 'en-US';
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
            'text/html; charset=utf-8': string;
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/runs/{id}/report.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The run's report as a PDF (printed by headless Chromium): the stored one of a completed run, rendered now otherwise; ?lang=zh-Hans|en-US (default inspections.report_locale) */
    get: {
      parameters: {
        query?: {
          lang?: 'zh-Hans' | 'en-US';
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
            'application/pdf': string;
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/runs/{id}/report.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The run's report as an Excel workbook: the stored one of a completed run, rendered now otherwise; ?lang=zh-Hans|en-US (default inspections.report_locale) */
    get: {
      parameters: {
        query?: {
          lang?: 'zh-Hans' | 'en-US';
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
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/runs/{id}/sign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Signs as the person making the request: the inspector (巡检人) once every manual item has a result, then the reviewer (复核人), another person, which completes the run, stores its reports and sends inspection.report_ready */
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
          'application/json': components['schemas']['InspectionSign'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InspectionRun'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/runs/compare': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Two runs side by side, item by item (?a=INS-1&b=INS-2) */
    get: {
      parameters: {
        query: {
          a: string;
          b: string;
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
            'application/json': components['schemas']['InspectionComparison'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/schedules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Inspection schedules (巡检计划): a template run at local times on the days of a service or trading calendar, with how far the scheduler got */
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
              schedules: components['schemas']['InspectionSchedule'][];
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
        /** @description The token role is too low, or its scope does not include this route */
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
    /** Creates an inspection schedule: `days` working (the calendar’s working days: a make-up workday 调休上班 counts on a service calendar, not on a trading one), every, first_working_of_month or last_working_of_month; `times` HH:MM in the calendar’s zone. Due times count from its creation */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description a calendar of the server config (sla.calendars), by name */
            calendar: string;
            /**
             * @default working
             * @enum {string}
             */
            days?: 'working' | 'every' | 'first_working_of_month' | 'last_working_of_month';
            /** @default true */
            enabled?: boolean;
            inspector?: string | null;
            name: string;
            reviewer?: string | null;
            template: string;
            /** @description local times in the calendar's time zone */
            times: string[];
          };
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InspectionSchedule'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/schedules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replaces an inspection schedule’s settings; switched on again or moved to other times, it does not catch up the due times that passed meanwhile */
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
          'application/json': {
            /** @description a calendar of the server config (sla.calendars), by name */
            calendar: string;
            /**
             * @default working
             * @enum {string}
             */
            days?: 'working' | 'every' | 'first_working_of_month' | 'last_working_of_month';
            /** @default true */
            enabled?: boolean;
            inspector?: string | null;
            name: string;
            reviewer?: string | null;
            template: string;
            /** @description local times in the calendar's time zone */
            times: string[];
          };
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InspectionSchedule'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
    post?: never;
    /** Deletes an inspection schedule; the runs it started stay */
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
            'application/json': components['schemas']['InspectionSchedule'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/schedules/{id}/next': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The next due times of an inspection schedule on its calendar (UTC instants) */
    get: {
      parameters: {
        query?: {
          count?: number;
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
            'application/json': {
              calendar: string;
              /** @description the next due times (UTC ISO instants) */
              next: string[];
              schedule: string;
              timezone: string;
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
        /** @description The token role is too low, or its scope does not include this route */
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
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/inspections/templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Inspection templates (巡检模板), each with its current version, layers and last run */
    get: {
      parameters: {
        query?: {
          archived?: 'true' | 'false';
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
            'application/json': components['schemas']['InspectionTemplates'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
    /** Imports a template as YAML or JSON: a new key makes a template (201 in effect, answered 200 with outcome created), a changed definition a new version (updated), the same definition nothing (unchanged); problems name the line and the path */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['InspectionTemplateImport'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InspectionTemplateImported'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/templates/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One template with its versions, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
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
            'application/json': components['schemas']['InspectionTemplateDetail'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/templates/{key}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Archives a template: no new runs; its runs and reports stay. Importing it again brings it back */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
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
            'application/json': components['schemas']['InspectionTemplateImported'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/templates/{key}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current version as YAML, to keep as code in provisioning/inspections/ */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
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
            'application/yaml': string;
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/templates/{key}/items/{item}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One item's value and status over the template's runs, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          item: string;
          key: string;
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
            'application/json': components['schemas']['InspectionItemHistory'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/templates/{key}/trend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The template's runs, newest first, with their counts and pass rate */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          key: string;
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
            'application/json': components['schemas']['InspectionTrend'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/inspections/templates/{key}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of a template: its definition and the YAML it was imported from */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          key: string;
          version: number;
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
            'application/json': components['schemas']['InspectionTemplateVersion'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/collect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Collect now: read GET /api/v1/patches of every host exporter Prometheus lists (or of `hosts`); a host that cannot be read is in `failed` with the reason and keeps its last state */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PatchCollectRequest'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PatchCollectResult'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/hosts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pending patches (补丁) per host: every host exporter collected from Prometheus (targets of patches.jobs), with pending and security counts, reboot required and the age of the oldest security update */
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
              hosts: components['schemas']['PatchHost'][];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/hosts/{host}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One host's pending packages (versions, origin, security, advisories, CVEs, since when) and its history: each package version first seen and resolved */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          host: string;
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
              /** @description the latest 500 entries, newest first */
              history: components['schemas']['PatchHistoryEntry'][];
              host: components['schemas']['PatchHost'];
              packages: components['schemas']['PatchPackage'][];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Patch plans (补丁计划), newest first: filter by state (comma-separated) or host; cursor pagination */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          host?: string;
          limit?: number;
          state?: string;
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
            'application/json': components['schemas']['PatchPlanPage'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
    /** Create a patch plan (draft) for hosts or a host group and packages or advisories; an emergency names a reason and its approver */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreatePatchPlanBody'];
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PatchPlan'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/plans/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One patch plan by id or number (PP-3), with its gates and its timeline of every step and actor */
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
            'application/json': components['schemas']['PatchPlanDetail'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/plans/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a tested plan: the caller is the approver (a person of the people directory), never the plan’s creator; an emergency plan is approved by its emergency approver */
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
          'application/json': components['schemas']['PatchPlanApproveBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PatchPlan'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/plans/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a verified plan */
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
          'application/json': components['schemas']['PatchPlanCloseBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PatchPlan'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/plans/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decline a plan before it is installed, with the reason */
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
          'application/json': components['schemas']['PatchPlanReasonBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PatchPlan'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/plans/{id}/fail': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record that the install (or the installed plan) failed, with the reason */
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
          'application/json': components['schemas']['PatchPlanReasonBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PatchPlan'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/plans/{id}/install': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the install of a scheduled plan with its backup evidence (a backup run or a snapshot); refused without a passing test and a backup (409 gate_unmet) */
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
          'application/json': components['schemas']['PatchPlanInstallBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PatchPlan'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/plans/{id}/rollback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a rollback: what was rolled back and why */
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
          'application/json': components['schemas']['PatchPlanRollbackBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PatchPlan'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/plans/{id}/schedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Schedule (or reschedule) an approved plan inside a maintenance window of its hosts and outside trading hours; an emergency plan may be scheduled at any time (409 gate_unmet names what is missing) */
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
          'application/json': components['schemas']['PatchPlanScheduleBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PatchPlan'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/plans/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a test on test hosts: passed → tested; failed → back to draft (the timeline keeps every test) */
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
          'application/json': components['schemas']['PatchPlanTestBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PatchPlan'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/patches/plans/{id}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify an installed plan: collects its hosts now; none may report a plan package pending or an unrecorded required reboot, and every post-install check must pass in Prometheus (409 gate_unmet names host and package or check) */
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
          'application/json': components['schemas']['PatchPlanVerifyBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PatchPlan'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/vulnerabilities/counts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open and overdue findings by severity, all findings by state, expired risk acceptances */
    get: {
      parameters: {
        query?: {
          asset?: string;
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
            'application/json': components['schemas']['FindingCounts'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/vulnerabilities/findings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Findings, newest first: filter by severity, state, asset, overdue (pass nextCursor back as cursor) */
    get: {
      parameters: {
        query?: {
          asset?: string;
          cursor?: string;
          knownExploited?: 'true' | 'false';
          limit?: number;
          overdue?: 'true' | 'false';
          q?: string;
          severity?: string;
          state?: string;
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
            'application/json': components['schemas']['FindingPage'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
    /** Record a finding by hand (a penetration test, an advisory); 409 when it is recorded already */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateFindingBody'];
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FindingDetail'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/vulnerabilities/findings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One finding with its timeline and the actions its state allows */
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
            'application/json': components['schemas']['FindingDetail'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/vulnerabilities/findings/{id}/accept-risk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept the risk (approver from the people directory, reason, expiry); it reopens when the acceptance expires */
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
          'application/json': components['schemas']['AcceptRiskBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FindingDetail'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/vulnerabilities/findings/{id}/analyse': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the analysis (impact, affected services, plan): open → analysed */
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
          'application/json': components['schemas']['AnalyseFindingBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FindingDetail'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/vulnerabilities/findings/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a verified finding */
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
          'application/json': components['schemas']['FindingNoteBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FindingDetail'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/vulnerabilities/findings/{id}/false-positive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark it a false positive, with the reason; later imports keep it so */
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
          'application/json': components['schemas']['FindingReasonBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FindingDetail'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/vulnerabilities/findings/{id}/fix': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Link the patch plan or change that fixes it: analysed → fixing */
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
          'application/json': components['schemas']['FixFindingBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FindingDetail'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/vulnerabilities/findings/{id}/mark-fixed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The fix is in: fixing → fixed (awaiting verification) */
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
          'application/json': components['schemas']['MarkFindingFixedBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FindingDetail'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/vulnerabilities/findings/{id}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reopen a fixed, verified, closed, accepted or false-positive finding, with the reason */
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
          'application/json': components['schemas']['FindingReasonBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FindingDetail'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/vulnerabilities/findings/{id}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify the fix with a clean re-scan (an import after the fix that no longer reports it) or a recorded manual check: fixed → verified */
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
          'application/json': components['schemas']['VerifyFindingBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FindingDetail'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
  '/api/v1/vulnerabilities/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Imports, newest first, with what each changed */
    get: {
      parameters: {
        query?: {
          asset?: string;
          cursor?: string;
          limit?: number;
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
            'application/json': components['schemas']['VulnerabilityImportPage'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
    /** Import a Trivy or Grype JSON report: new findings open, known ones update (never duplicated), findings of the same asset and target it no longer reports become fixed, awaiting verification */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['VulnerabilityImportBody'];
        };
      };
      responses: {
        /** @description OK */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VulnerabilityImportResult'];
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
        /** @description The token role is too low, or its scope does not include this route */
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
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AcceptRiskBody: {
      /** @description a people-directory id (GET /api/v1/people) */
      approver: string;
      /**
       * Format: date-time
       * @description when the acceptance ends and the finding reopens
       */
      expiresAt: string;
      reason: string;
    };
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
    AnalyseFindingBody: {
      /** @default [] */
      affectedServices?: string[];
      /** @description 影响: what an attacker could do here */
      impact: string;
      /**
       * @description how it will be fixed
       * @default
       */
      plan?: string;
    };
    BackupPolicies: {
      policies: components['schemas']['BackupPolicy'][];
    };
    BackupPolicy: {
      /** @description null: the RPO elapses in wall time */
      calendar: string | null;
      description: string;
      name: string;
      owner: string;
      restoreTestIntervalSeconds: number;
      retention: string;
      rpoSeconds: number;
      rtoSeconds: number;
      schedule: string;
      status: components['schemas']['BackupPolicyStatus'];
      target: string;
      /** @enum {string} */
      tool: 'restic' | 'borg' | 'pgbackrest' | 'dump' | 'other';
    };
    BackupPolicyStatus: {
      lastRestoreTest: {
        at: string;
        durationSeconds: number;
        /** @enum {string} */
        result: 'passed' | 'failed';
        rtoMet: boolean;
      } | null;
      lastRunAt: string | null;
      lastRunResult: ('success' | 'partial' | 'failed') | null;
      lastSnapshotId: string | null;
      /** @description the newest run with a snapshot (success or partial) */
      lastSuccessAt: string | null;
      restoreTestDueAt: string | null;
      /** @description no passed restore test within restore_test_interval */
      restoreTestOverdue: boolean;
      /** @description no good run, or the RPO since the start of the newest one has passed */
      rpoBreached: boolean;
      rpoDueAt: string | null;
    };
    BackupRun: {
      bytesAdded: number | null;
      bytesProcessed: number | null;
      durationSeconds: number;
      exitCode: number;
      filesChanged: number | null;
      filesNew: number | null;
      filesUnmodified: number | null;
      finishedAt: string;
      host: string | null;
      id: string;
      message: string | null;
      policy: string;
      receivedAt: string;
      receivedBy: string;
      /** @enum {string} */
      result: 'success' | 'partial' | 'failed';
      snapshotId: string | null;
      startedAt: string;
      summary: {
        [key: string]: unknown;
      } | null;
      /** @description the summary sent was over backups.ingest.summary_limit_bytes and is not kept */
      summaryDropped: boolean;
      tool: string;
    };
    BackupRunPage: {
      nextCursor: components['schemas']['NextCursor'];
      runs: components['schemas']['BackupRun'][];
    };
    BackupRunRecorded: {
      run: components['schemas']['BackupRun'];
    };
    BackupRunReport: {
      bytesAdded?: number;
      bytesProcessed?: number;
      /** @description default: finishedAt - startedAt */
      durationSeconds?: number;
      /** @description the backup command's exit code (restic: 0 success, 3 partial, 1/10-12 failed) */
      exitCode: number;
      filesChanged?: number;
      filesNew?: number;
      filesUnmodified?: number;
      /** Format: date-time */
      finishedAt: string;
      /** @description the host the backup ran on */
      host?: string;
      id: string;
      /** @description an error or a note; kept up to 8000 characters */
      message?: string;
      policy: string;
      /** @enum {string} */
      result: 'success' | 'partial' | 'failed';
      snapshotId?: string;
      /** Format: date-time */
      startedAt: string;
      /** @description the tool's own JSON (restic backup --json summary, borg create --json); kept up to backups.ingest.summary_limit_bytes */
      summary?: {
        [key: string]: unknown;
      };
      /** @enum {string} */
      tool: 'restic' | 'borg' | 'pgbackrest' | 'dump' | 'other';
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
      /** @description null: an ordinary token, limited by its role only */
      scope: components['schemas']['TokenScope'] | null;
      /** @description the secret, shown this once: store it now */
      token: string;
    };
    CreateFindingBody: {
      /** @default [] */
      aliases?: string[];
      asset: string;
      /** @default  */
      description?: string;
      fixedVersion?: string;
      installedVersion: string;
      /** @default false */
      knownExploited?: boolean;
      packageName: string;
      packageType: string;
      severity: components['schemas']['VulnerabilitySeverity'];
      /** @default  */
      title?: string;
      vulnerabilityId: string;
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
    CreatePatchPlanBody: {
      /** @default [] */
      advisories?: string[];
      emergency?: components['schemas']['PatchPlanEmergency'];
      /** @description a group of maintenance.host_groups; or hosts */
      hostGroup?: string;
      /** @description host exporter instances (e.g. db1:9741); or hostGroup */
      hosts?: string[];
      /** @default [] */
      packages?: string[];
      /** @default [] */
      postInstallChecks?: components['schemas']['PatchPlanCheck'][];
      title: string;
    };
    CreateRestoreRequestBody: {
      /** @description the incident (id or number, e.g. INC-2026-0042) */
      incidentId: string;
      policy?: string;
      /** @description a person id of the people directory */
      requestedBy: string;
      snapshotId?: string;
      /** @description what is to be restored, e.g. table settlement.trades of 2026-12-01 */
      what: string;
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
      scope?: components['schemas']['TokenScope'];
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
    Finding: {
      /** @description every id the scanners reported it under */
      aliases: string[];
      analysis: {
        affectedServices: string[];
        at: string;
        by: string;
        impact: string;
        plan: string;
      } | null;
      /** @description what was scanned: a host, an image (Trivy ArtifactName, Grype source) */
      asset: string;
      changeRef: string | null;
      createdAt: string;
      createdBy: string;
      cvssScore: number | null;
      description: string;
      /** @description remediation deadline (vulnerabilities.sla); null without one for its severity */
      dueAt: string | null;
      firstSeenAt: string;
      fixedAt: string | null;
      /** @description import:<id> when a re-scan no longer reported it, else who marked it fixed */
      fixedBy: string | null;
      fixedVersion: string | null;
      id: string;
      installedVersion: string;
      /** @description in the known-exploited list (CISA KEV): the shorter deadline applies */
      knownExploited: boolean;
      lastSeenAt: string;
      /** @description still unfixed (open, analysed, fixing) past dueAt */
      overdue: boolean;
      packageName: string;
      /** @description package-URL type: deb, rpm, apk, npm, pypi, maven, golang, … */
      packageType: string;
      patchPlanId: string | null;
      primaryUrl: string | null;
      purl: string | null;
      resolutionNote: string | null;
      /** @description Trivy Result.Target it was found in */
      resultTarget: string | null;
      riskAcceptance: {
        approver: string;
        at: string;
        by: string;
        expiresAt: string;
        reason: string;
      } | null;
      /** @description an acceptance expired and reopened it, and nobody decided again since */
      riskAcceptanceExpiredAt: string | null;
      scannerSeverity: string | null;
      /** @description what the importing scan scanned; re-imports of it judge the finding */
      scanTarget: string | null;
      severity: components['schemas']['VulnerabilitySeverity'];
      /**
       * @description who reported it last
       * @enum {string}
       */
      source: 'trivy' | 'grype' | 'manual';
      state: components['schemas']['FindingState'];
      title: string;
      updatedAt: string;
      verification: {
        at: string;
        by: string;
        evidence: string | null;
        importId: string | null;
        /** @enum {string} */
        method: 'rescan' | 'manual';
        note: string | null;
      } | null;
      /** @description the CVE when one is known, else the scanner’s id (GHSA-…, DLA-…) */
      vulnerabilityId: string;
    };
    /** @enum {string} */
    FindingAction: 'analyse' | 'fix' | 'mark-fixed' | 'verify' | 'close' | 'accept-risk' | 'false-positive' | 'reopen';
    FindingCounts: {
      byState: {
        [key: string]: number;
      };
      /** @description open, analysed or fixing, by severity */
      open: {
        [key: string]: number;
      };
      overdue: {
        [key: string]: number;
      };
      riskAcceptancesExpired: number;
    };
    FindingDetail: {
      /** @description every id the scanners reported it under */
      aliases: string[];
      /** @description the actions its state allows now */
      allowedActions: components['schemas']['FindingAction'][];
      analysis: {
        affectedServices: string[];
        at: string;
        by: string;
        impact: string;
        plan: string;
      } | null;
      /** @description what was scanned: a host, an image (Trivy ArtifactName, Grype source) */
      asset: string;
      changeRef: string | null;
      createdAt: string;
      createdBy: string;
      cvssScore: number | null;
      description: string;
      /** @description remediation deadline (vulnerabilities.sla); null without one for its severity */
      dueAt: string | null;
      firstSeenAt: string;
      fixedAt: string | null;
      /** @description import:<id> when a re-scan no longer reported it, else who marked it fixed */
      fixedBy: string | null;
      fixedVersion: string | null;
      id: string;
      installedVersion: string;
      /** @description in the known-exploited list (CISA KEV): the shorter deadline applies */
      knownExploited: boolean;
      lastSeenAt: string;
      /** @description still unfixed (open, analysed, fixing) past dueAt */
      overdue: boolean;
      packageName: string;
      /** @description package-URL type: deb, rpm, apk, npm, pypi, maven, golang, … */
      packageType: string;
      patchPlanId: string | null;
      primaryUrl: string | null;
      purl: string | null;
      resolutionNote: string | null;
      /** @description Trivy Result.Target it was found in */
      resultTarget: string | null;
      riskAcceptance: {
        approver: string;
        at: string;
        by: string;
        expiresAt: string;
        reason: string;
      } | null;
      /** @description an acceptance expired and reopened it, and nobody decided again since */
      riskAcceptanceExpiredAt: string | null;
      scannerSeverity: string | null;
      /** @description what the importing scan scanned; re-imports of it judge the finding */
      scanTarget: string | null;
      severity: components['schemas']['VulnerabilitySeverity'];
      /**
       * @description who reported it last
       * @enum {string}
       */
      source: 'trivy' | 'grype' | 'manual';
      state: components['schemas']['FindingState'];
      timeline: components['schemas']['FindingTimelineEntry'][];
      title: string;
      updatedAt: string;
      verification: {
        at: string;
        by: string;
        evidence: string | null;
        importId: string | null;
        /** @enum {string} */
        method: 'rescan' | 'manual';
        note: string | null;
      } | null;
      /** @description the CVE when one is known, else the scanner’s id (GHSA-…, DLA-…) */
      vulnerabilityId: string;
    };
    FindingNoteBody: {
      /** @description why it is closed: what the verification showed */
      note?: string;
    };
    FindingPage: {
      findings: components['schemas']['Finding'][];
      nextCursor: components['schemas']['NextCursor'];
    };
    FindingReasonBody: {
      reason: string;
    };
    /**
     * @description open → analysed → fixing → fixed (awaiting verification) → verified → closed; risk_accepted (reopens when it expires) and false_positive aside
     * @enum {string}
     */
    FindingState: 'open' | 'analysed' | 'fixing' | 'fixed' | 'verified' | 'closed' | 'risk_accepted' | 'false_positive';
    FindingTimelineEntry: {
      actor: string;
      at: string;
      detail: {
        [key: string]: unknown;
      };
      kind: string;
    };
    FixFindingBody: {
      /** @description a change ticket or merge request */
      changeRef?: string;
      note?: string;
      /** @description a patch plan (id or number, PP-3) */
      patchPlanId?: string;
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
    IncidentRestoreTime: {
      detectedAt: string;
      incidentId: string;
      number: string;
      /** @description time to repair: detection to resolution (to now while unresolved) */
      repairSeconds: number;
      resolvedAt: string | null;
      /** @description of which spent restoring data: the union of its restore attempts within the repair time */
      restoreSeconds: number;
    };
    /** @enum {string} */
    IncidentStatus: 'triggered' | 'acknowledged' | 'mitigated' | 'waiting_for_customer' | 'resolved' | 'closed';
    InspectionCancel: {
      reason: string;
    };
    InspectionComparison: {
      a: {
        /** @description an instant (RFC 3339, UTC) */
        evaluatedAt: string;
        number: string;
      };
      b: {
        /** @description an instant (RFC 3339, UTC) */
        evaluatedAt: string;
        number: string;
      };
      items: {
        a: {
          note: string | null;
          status: string;
          value: number | null;
        } | null;
        b: {
          note: string | null;
          status: string;
          value: number | null;
        } | null;
        changed: boolean;
        key: string;
        kind: string;
        layer: string;
        title: string;
      }[];
    };
    InspectionFollowedUp: {
      incident: {
        id: string;
        number: string;
      };
      run: components['schemas']['InspectionRun'];
    };
    InspectionFollowUp: {
      /**
       * @default incident
       * @constant
       */
      kind?: 'incident';
      service?: string;
      severity: components['schemas']['Severity'];
      title?: string;
    };
    InspectionItemHistory: {
      item: string;
      points: {
        /** @description an instant (RFC 3339, UTC) */
        evaluatedAt: string;
        number: string;
        status: string;
        value: number | null;
      }[];
      template: string;
    };
    InspectionItemResult: {
      evidence?: {
        name: string;
        /** @description a link to the evidence (a file store, a ticket, a screenshot) */
        url?: string;
      }[];
      /** @description required when abnormal: what was found */
      note?: string;
      /** @enum {string} */
      result: 'normal' | 'abnormal' | 'not_applicable';
    };
    InspectionReport: {
      followUps: {
        item: string;
        kind: string;
        ref: string;
      }[];
      /** @description an instant (RFC 3339, UTC) */
      generatedAt: string;
      layers: {
        items: {
          completedBy?: string;
          error?: string;
          evidence: {
            name: string;
            url?: string;
          }[];
          followUp?: {
            kind: string;
            ref: string;
          };
          key: string;
          /** @enum {string} */
          kind: 'metric' | 'configuration' | 'manual';
          labelAliases: {
            [key: string]: string;
          };
          note?: string;
          series: {
            labels: {
              [key: string]: string;
            };
            value?: number;
          }[];
          status: string;
          thresholds?: {
            comparison: string;
            critical?: number;
            warning?: number;
          };
          title: string;
          truncated?: number;
          unit?: string;
          value?: number;
        }[];
        /** @enum {string} */
        layer: 'infrastructure' | 'network' | 'middleware' | 'application' | 'business';
      }[];
      /** @enum {string} */
      locale: 'en-US' | 'zh-Hans';
      run: {
        client?: string;
        /** @description an instant (RFC 3339, UTC) */
        completedAt?: string;
        /** @description an instant (RFC 3339, UTC) */
        evaluatedAt: string;
        inspector?: string;
        /** @description an instant (RFC 3339, UTC) */
        inspectorSignedAt?: string;
        number: string;
        reviewer?: string;
        /** @description an instant (RFC 3339, UTC) */
        reviewerSignedAt?: string;
        state: string;
        subject?: string;
        system?: string;
        templateKey: string;
        templateTitle: string;
        templateVersion: number;
        trigger: string;
      };
      summary: components['schemas']['InspectionSummary'];
    };
    InspectionReports: {
      reports: {
        bytes: number;
        /** @description an instant (RFC 3339, UTC) */
        createdAt: string;
        /** @enum {string} */
        format: 'html' | 'pdf' | 'xlsx';
        locale: string;
        run: string;
        sha256: string;
      }[];
    };
    InspectionRun: {
      allowedActions: string[];
      completedAt: string | null;
      createdBy: string;
      /** @description an instant (RFC 3339, UTC) */
      evaluatedAt: string;
      events: {
        actor: string;
        /** @description an instant (RFC 3339, UTC) */
        at: string;
        detail: {
          [key: string]: unknown;
        };
        kind: string;
      }[];
      id: string;
      inspector: string | null;
      inspectorSignedAt: string | null;
      items: components['schemas']['InspectionRunItem'][];
      number: string;
      reviewer: string | null;
      reviewerSignedAt: string | null;
      scheduledFor: string | null;
      scheduleId: string | null;
      /** @enum {string} */
      state: 'open' | 'signed' | 'completed' | 'cancelled';
      subject: {
        id: string;
        kind: string;
      } | null;
      summary: components['schemas']['InspectionSummary'];
      template: {
        key: string;
        title: string;
        version: number;
      };
      /** @enum {string} */
      trigger: 'manual' | 'schedule' | 'verification';
    };
    InspectionRunItem: {
      completedAt: string | null;
      completedBy: string | null;
      description: string | null;
      error: string | null;
      evidence: {
        name: string;
        url?: string;
      }[];
      evidenceRequired: boolean;
      followUp: {
        id: string;
        kind: string;
        ref: string;
      } | null;
      guidance: string | null;
      key: string;
      /** @enum {string} */
      kind: 'metric' | 'configuration' | 'manual';
      labelAliases: {
        [key: string]: string;
      };
      layer: string;
      note: string | null;
      query: string | null;
      /** @description the failing series, frozen when the run started (at most 100) */
      series: {
        labels: {
          [key: string]: string;
        };
        value: number;
      }[];
      /** @description metric/configuration: normal|warning|critical|error; manual: pending|normal|abnormal|not_applicable */
      status: string;
      thresholds: {
        comparison: string;
        critical: number | null;
        warning: number | null;
      } | null;
      title: string;
      truncated: number;
      unit: string | null;
      value: number | null;
    };
    InspectionRunListItem: {
      completedAt: string | null;
      /** @description an instant (RFC 3339, UTC) */
      evaluatedAt: string;
      id: string;
      inspector: string | null;
      number: string;
      reviewer: string | null;
      /** @enum {string} */
      state: 'open' | 'signed' | 'completed' | 'cancelled';
      subject: {
        id: string;
        kind: string;
      } | null;
      summary: components['schemas']['InspectionSummary'];
      template: {
        key: string;
        title: string;
        version: number;
      };
      /** @enum {string} */
      trigger: 'manual' | 'schedule' | 'verification';
    };
    InspectionRuns: {
      nextCursor: components['schemas']['NextCursor'];
      runs: components['schemas']['InspectionRunListItem'][];
    };
    InspectionRunStart: {
      /** @description the inspector (巡检人) expected to sign; anyone may when left out */
      inspector?: string;
      /** @description the reviewer (复核人) expected to sign; another person than the inspector */
      reviewer?: string;
      /** @description the template key, e.g. daily-trading */
      template: string;
    };
    InspectionSchedule: {
      calendar: string;
      createdAt: string;
      createdBy: string;
      /** @enum {string} */
      days: 'working' | 'every' | 'first_working_of_month' | 'last_working_of_month';
      enabled: boolean;
      id: string;
      inspector: string | null;
      /** @description the newest due time the scheduler handled */
      lastDueAt: string | null;
      /** @description the newest due time whose run was started */
      lastRunAt: string | null;
      /** @description the newest due time skipped (the scheduler was over a day behind) */
      missedAt: string | null;
      missedCount: number;
      name: string;
      reviewer: string | null;
      template: string;
      times: string[];
      updatedAt: string;
    };
    InspectionSign: {
      /** @enum {string} */
      role: 'inspector' | 'reviewer';
    };
    InspectionSummary: {
      critical: number;
      error: number;
      manualAbnormal: number;
      normal: number;
      notApplicable: number;
      pending: number;
      total: number;
      warning: number;
    };
    InspectionTemplate: {
      archived: boolean;
      description: string | null;
      id: string;
      itemCount: number;
      key: string;
      lastRun: {
        /** @description an instant (RFC 3339, UTC) */
        evaluatedAt: string;
        number: string;
        state: string;
        summary: components['schemas']['InspectionSummary'];
      } | null;
      layers: {
        items: number;
        /** @enum {string} */
        layer: 'infrastructure' | 'network' | 'middleware' | 'application' | 'business';
      }[];
      title: string;
      /** @description an instant (RFC 3339, UTC) */
      updatedAt: string;
      version: number;
    };
    InspectionTemplateDetail: {
      template: components['schemas']['InspectionTemplate'];
      versions: {
        /** @description an instant (RFC 3339, UTC) */
        createdAt: string;
        createdBy: string;
        version: number;
      }[];
    };
    InspectionTemplateImport: {
      /** @description the template as JSON, the same fields as the YAML */
      definition?: unknown;
      /** @description the template as YAML (provisioning/inspections/*.yml) */
      yaml?: string;
    };
    InspectionTemplateImported: {
      /** @enum {string} */
      outcome: 'created' | 'updated' | 'unchanged';
      template: components['schemas']['InspectionTemplate'];
    };
    InspectionTemplates: {
      templates: components['schemas']['InspectionTemplate'][];
    };
    InspectionTemplateVersion: {
      /** @description an instant (RFC 3339, UTC) */
      createdAt: string;
      createdBy: string;
      /** @description the definition as validated (the YAML fields) */
      definition: {
        [key: string]: unknown;
      };
      key: string;
      version: number;
      yaml: string;
    };
    InspectionTrend: {
      runs: {
        /** @description an instant (RFC 3339, UTC) */
        evaluatedAt: string;
        number: string;
        /** @description normal and not-applicable items over the items with a result */
        passRate: number | null;
        state: string;
        summary: components['schemas']['InspectionSummary'];
      }[];
      template: string;
    };
    InspectionVerificationStart: {
      /** @description the verification template key */
      template: string;
    };
    MarkFindingFixedBody: {
      fixedVersion?: string;
      note?: string;
    };
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
    PatchCollectRequest: {
      /** @description only these hosts (Prometheus instances); default every target of patches.jobs */
      hosts?: string[];
    };
    PatchCollectResult: {
      /** @description hosts whose state was read (their own status may still be error or pending) */
      collected: number;
      failed: {
        error: string;
        host: string;
      }[];
    };
    PatchHistoryEntry: {
      arch: string;
      candidateVersion: string;
      firstSeenAt: string;
      name: string;
      /** @description when the host stopped reporting it (installed, or a newer candidate replaced it); null: pending */
      resolvedAt: string | null;
      security: boolean;
    };
    PatchHost: {
      /** @description the last attempt, whatever its outcome */
      attemptedAt: string;
      /** @description when the host's package manager was last asked */
      checkedAt: string | null;
      /** @description the last collection that read a package list */
      collectedAt: string | null;
      error: string | null;
      /** @description the Prometheus instance of the host exporter, e.g. db1:9741 */
      host: string;
      /** @description the host's own name, as its exporter reports it */
      hostname: string | null;
      /** @description its Prometheus job (config patches.jobs) */
      job: string;
      /** @description apt, dnf, yum or zypper */
      manager: string | null;
      /** @description since when the oldest pending security update has been pending */
      oldestSecuritySince: string | null;
      pending: number;
      rebootRequired: boolean | null;
      security: number;
      /** @description no package list newer than patches.stale_after, or Prometheus no longer lists the target */
      stale: boolean;
      /**
       * @description ok; error: the exporter's package-manager check fails (packages are the last good list); pending: it has not checked yet; failed: the server could not read it (down, timeout, not a host exporter)
       * @enum {string}
       */
      status: 'ok' | 'error' | 'pending' | 'failed';
    };
    PatchPackage: {
      /** @description RHSA-…, SUSE-…; apt names none */
      advisories: string[];
      arch: string;
      candidateVersion: string;
      cves: string[];
      /** @description since when an upgrade of this package has been pending */
      firstSeenAt: string;
      /** @description null: a new package (a kernel) the upgrade installs */
      installedVersion: string | null;
      name: string;
      origin: string | null;
      repository: string | null;
      security: boolean;
    };
    PatchPlan: {
      advisories: string[];
      /** @description the actions its state allows now */
      allowedActions: (
        'test' | 'approve' | 'schedule' | 'install' | 'verify' | 'close' | 'decline' | 'fail' | 'rollback'
      )[];
      approval: {
        approver: string;
        /** @description ISO 8601, UTC */
        at: string;
        by: string;
        note: string | null;
      } | null;
      backup: {
        backupRunId: string | null;
        policy: string | null;
        snapshotId: string | null;
        takenAt: string | null;
        tool: string | null;
      } | null;
      /** @description ISO 8601, UTC */
      createdAt: string;
      createdBy: string;
      emergency: {
        approver: string;
        reason: string;
      } | null;
      /** @description the checklist: each gated state, met or what is missing */
      gates: components['schemas']['PatchPlanGate'][];
      hostGroup: string | null;
      /** @description the plan’s hosts (a host group is resolved when the plan is created) */
      hosts: string[];
      id: string;
      install: {
        /** @description ISO 8601, UTC */
        at: string;
        by: string;
        notes: string | null;
      } | null;
      /** @description e.g. PP-3 */
      number: string;
      /** @description why it was declined or failed */
      outcome: {
        /** @description ISO 8601, UTC */
        at: string;
        by: string;
        reason: string;
      } | null;
      packages: string[];
      postInstallChecks: components['schemas']['PatchPlanCheck'][];
      rollback: {
        /** @description ISO 8601, UTC */
        at: string;
        by: string;
        what: string;
        why: string;
      } | null;
      state: components['schemas']['PatchPlanState'];
      /** @description the latest test (the timeline keeps earlier ones) */
      test: {
        /** @description ISO 8601, UTC */
        at: string;
        by: string;
        evidence: string;
        /** @enum {string} */
        result: 'passed' | 'failed';
        testHosts: string[];
      } | null;
      title: string;
      /** @description ISO 8601, UTC */
      updatedAt: string;
      /** @description the latest verification attempt */
      verification: {
        /** @description ISO 8601, UTC */
        at: string;
        by: string;
        checks: {
          error: string | null;
          /** @enum {string} */
          expect: 'empty' | 'non_empty';
          expr: string;
          name: string;
          passed: boolean;
          /** @description series the query returned; null when it failed */
          series: number | null;
          /** @description the first series’ value (NaN and ±Inf as null) */
          value: number | null;
        }[];
        /** @description false: the latest attempt, refused (the plan is still installed) */
        passed: boolean;
        reboot: {
          /** @description ISO 8601, UTC */
          at: string;
        } | null;
        results: {
          /** @description when the server last read the host’s pending patches */
          collectedAt: string | null;
          host: string;
          /** @description why this host does not pass */
          problems: string[];
          rebootRequired: boolean | null;
          /** @description the host exporter’s patch check: ok, error or pending */
          status: string | null;
          stillPending: {
            advisories: string[];
            candidateVersion: string;
            name: string;
          }[];
        }[];
      } | null;
      window: {
        /** @description ISO 8601, UTC */
        end: string;
        /** @description the maintenance.windows entry holding it; null: an emergency outside every window */
        maintenanceWindow: string | null;
        /** @description ISO 8601, UTC */
        start: string;
      } | null;
    };
    PatchPlanApproveBody: {
      /** @description the approving person; the caller must be that person (four eyes) */
      approver: string;
      note?: string;
    };
    /** @description a backup run of the backups domain, or a snapshot of a tool */
    PatchPlanBackupEvidence:
      | {
          /** @description a run of the backups domain (GET /api/v1/backups/runs) */
          backupRunId: string;
        }
      | {
          snapshotId: string;
          /**
           * Format: date-time
           * @description when the snapshot was taken (checked against maintenance.backup_max_age)
           */
          takenAt?: string;
          tool: string;
        };
    PatchPlanCheck: {
      /**
       * @description empty: the check passes when the query returns no series (an alert-style expression: `up{job="db"} == 0`); non_empty: when it returns at least one
       * @enum {string}
       */
      expect: 'empty' | 'non_empty';
      /** @description a PromQL expression, evaluated as an instant query when the plan is verified */
      expr: string;
      name: string;
    };
    PatchPlanCloseBody: {
      note?: string;
    };
    PatchPlanDetail: {
      advisories: string[];
      /** @description the actions its state allows now */
      allowedActions: (
        'test' | 'approve' | 'schedule' | 'install' | 'verify' | 'close' | 'decline' | 'fail' | 'rollback'
      )[];
      approval: {
        approver: string;
        /** @description ISO 8601, UTC */
        at: string;
        by: string;
        note: string | null;
      } | null;
      backup: {
        backupRunId: string | null;
        policy: string | null;
        snapshotId: string | null;
        takenAt: string | null;
        tool: string | null;
      } | null;
      /** @description ISO 8601, UTC */
      createdAt: string;
      createdBy: string;
      emergency: {
        approver: string;
        reason: string;
      } | null;
      /** @description the checklist: each gated state, met or what is missing */
      gates: components['schemas']['PatchPlanGate'][];
      hostGroup: string | null;
      /** @description the plan’s hosts (a host group is resolved when the plan is created) */
      hosts: string[];
      id: string;
      install: {
        /** @description ISO 8601, UTC */
        at: string;
        by: string;
        notes: string | null;
      } | null;
      /** @description e.g. PP-3 */
      number: string;
      /** @description why it was declined or failed */
      outcome: {
        /** @description ISO 8601, UTC */
        at: string;
        by: string;
        reason: string;
      } | null;
      packages: string[];
      postInstallChecks: components['schemas']['PatchPlanCheck'][];
      rollback: {
        /** @description ISO 8601, UTC */
        at: string;
        by: string;
        what: string;
        why: string;
      } | null;
      state: components['schemas']['PatchPlanState'];
      /** @description the latest test (the timeline keeps earlier ones) */
      test: {
        /** @description ISO 8601, UTC */
        at: string;
        by: string;
        evidence: string;
        /** @enum {string} */
        result: 'passed' | 'failed';
        testHosts: string[];
      } | null;
      timeline: components['schemas']['PatchPlanTimelineEntry'][];
      title: string;
      /** @description ISO 8601, UTC */
      updatedAt: string;
      /** @description the latest verification attempt */
      verification: {
        /** @description ISO 8601, UTC */
        at: string;
        by: string;
        checks: {
          error: string | null;
          /** @enum {string} */
          expect: 'empty' | 'non_empty';
          expr: string;
          name: string;
          passed: boolean;
          /** @description series the query returned; null when it failed */
          series: number | null;
          /** @description the first series’ value (NaN and ±Inf as null) */
          value: number | null;
        }[];
        /** @description false: the latest attempt, refused (the plan is still installed) */
        passed: boolean;
        reboot: {
          /** @description ISO 8601, UTC */
          at: string;
        } | null;
        results: {
          /** @description when the server last read the host’s pending patches */
          collectedAt: string | null;
          host: string;
          /** @description why this host does not pass */
          problems: string[];
          rebootRequired: boolean | null;
          /** @description the host exporter’s patch check: ok, error or pending */
          status: string | null;
          stillPending: {
            advisories: string[];
            candidateVersion: string;
            name: string;
          }[];
        }[];
      } | null;
      window: {
        /** @description ISO 8601, UTC */
        end: string;
        /** @description the maintenance.windows entry holding it; null: an emergency outside every window */
        maintenanceWindow: string | null;
        /** @description ISO 8601, UTC */
        start: string;
      } | null;
    };
    PatchPlanEmergency: {
      /** @description the person (people directory id) who authorises the emergency and approves the plan */
      approver: string;
      reason: string;
    };
    PatchPlanGate: {
      met: boolean;
      /** @description codes of what is missing: test_evidence, approval, maintenance_window, outside_trading_hours, host_group, backup_evidence, install_in_window, hosts_collected, packages_pending, reboot, post_install_checks, prometheus, verification */
      missing: string[];
      /** @enum {string} */
      state: 'tested' | 'approved' | 'scheduled' | 'installed' | 'verified';
    };
    PatchPlanInstallBody: {
      /** @description required: the backup taken before installing (a plan without one is refused with 409 gate_unmet) */
      backup?: components['schemas']['PatchPlanBackupEvidence'];
      /**
       * Format: date-time
       * @description when the install happened; now when left out
       */
      installedAt?: string;
      notes?: string;
    };
    PatchPlanPage: {
      nextCursor: components['schemas']['NextCursor'];
      plans: components['schemas']['PatchPlan'][];
    };
    PatchPlanReasonBody: {
      reason: string;
    };
    PatchPlanRollbackBody: {
      what: string;
      why: string;
    };
    PatchPlanScheduleBody: {
      /** Format: date-time */
      end: string;
      /** Format: date-time */
      start: string;
    };
    /** @enum {string} */
    PatchPlanState:
      | 'draft'
      | 'tested'
      | 'approved'
      | 'scheduled'
      | 'installed'
      | 'verified'
      | 'closed'
      | 'declined'
      | 'failed'
      | 'rolled_back';
    PatchPlanTestBody: {
      /** @description a link to the test record or a note of what was checked */
      evidence: string;
      /** @enum {string} */
      result: 'passed' | 'failed';
      /** @description the hosts the patches were tried on first */
      testHosts: string[];
    };
    PatchPlanTimelineEntry: {
      actor: string;
      /** @description ISO 8601, UTC */
      at: string;
      detail: {
        [key: string]: unknown;
      };
      /** @description created, tested, test_failed, approved, scheduled, installed, verify_refused, verified, closed, declined, failed, rolled_back */
      kind: string;
    };
    PatchPlanVerifyBody: {
      notes?: string;
      /** @description the hosts were rebooted after the install, at this time */
      reboot?: {
        /** Format: date-time */
        at: string;
        /** @constant */
        done: true;
      };
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
    RestoreActionBody: {
      /**
       * Format: date-time
       * @description when it happened, if not now (e.g. recorded afterwards)
       */
      at?: string;
      /** @description verify: required */
      evidence?: string;
      note?: string;
      /** @description cancel: required */
      reason?: string;
      /**
       * @description finish: required
       * @enum {string}
       */
      result?: 'restored' | 'failed';
    };
    RestoreRequest: {
      allowedActions: ('start' | 'finish' | 'verify' | 'cancel')[];
      attempts: {
        finishedAt: string | null;
        note: string | null;
        result: ('restored' | 'failed') | null;
        startedAt: string;
      }[];
      cancelReason: string | null;
      createdAt: string;
      createdBy: string;
      /** @description time spent restoring over every attempt (a running one up to now) */
      durationSeconds: number;
      id: string;
      incidentId: string;
      incidentNumber: string;
      policy: string | null;
      requestedBy: string;
      snapshotId: string | null;
      /** @enum {string} */
      state: 'requested' | 'in_progress' | 'restored' | 'failed' | 'verified' | 'cancelled';
      updatedAt: string;
      verification: {
        at: string;
        by: string;
        evidence: string;
      } | null;
      what: string;
    };
    RestoreRequestPage: {
      nextCursor: components['schemas']['NextCursor'];
      /** @description with incidentId: the restore time within its repair time */
      repair: components['schemas']['IncidentRestoreTime'] | null;
      restoreRequests: components['schemas']['RestoreRequest'][];
    };
    RestoreTest: {
      bytesRestored: number | null;
      durationSeconds: number;
      filesRestored: number | null;
      finishedAt: string;
      host: string | null;
      id: string;
      message: string | null;
      policy: string;
      receivedAt: string;
      receivedBy: string;
      restoreExitCode: number;
      /** @enum {string} */
      result: 'passed' | 'failed';
      /** @description passed, within the RTO */
      rtoMet: boolean;
      /** @description the policy's RTO when the test was recorded */
      rtoSeconds: number;
      snapshotId: string | null;
      startedAt: string;
      verification: {
        command: string | null;
        exitCode: number | null;
        output: string | null;
        /** @enum {string} */
        result: 'passed' | 'failed' | 'skipped';
      };
    };
    RestoreTestPage: {
      nextCursor: components['schemas']['NextCursor'];
      restoreTests: components['schemas']['RestoreTest'][];
    };
    RestoreTestRecorded: {
      restoreTest: components['schemas']['RestoreTest'];
    };
    RestoreTestReport: {
      bytesRestored?: number;
      /** @description the measured restore time: the RTO evidence */
      durationSeconds: number;
      filesRestored?: number;
      /** Format: date-time */
      finishedAt: string;
      host?: string;
      id: string;
      message?: string;
      policy: string;
      restoreExitCode: number;
      /** @enum {string} */
      result: 'passed' | 'failed';
      snapshotId?: string;
      /** Format: date-time */
      startedAt: string;
      verification: {
        /** @description the verification command, e.g. sha256sum -c SHA256SUMS */
        command?: string;
        exitCode?: number;
        /** @description its output; kept up to 8000 characters */
        output?: string;
        /** @enum {string} */
        result: 'passed' | 'failed' | 'skipped';
      };
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
    Scanner: 'trivy' | 'grype';
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
      /** @description null: an ordinary token, limited by its role only */
      scope: components['schemas']['TokenScope'] | null;
    };
    TokenList: {
      tokens: components['schemas']['Token'][];
    };
    /**
     * @description a scoped token may call only the routes listing its scope (x-opsdesk-scopes in this document); backups:ingest: report backup runs and restore tests
     * @enum {string}
     */
    TokenScope: 'backups:ingest';
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
    VerifyFindingBody:
      | {
          /** @description an import of the same asset and target, after the fix, that no longer reports it */
          importId: string;
          /** @constant */
          method: 'rescan';
        }
      | {
          /** @description a link or reference to the evidence */
          evidence: string;
          /** @constant */
          method: 'manual';
          /** @description what was checked, e.g. dpkg -l openssl shows 3.0.15-1~deb12u1 */
          note: string;
        };
    VulnerabilityImport: {
      actor: string;
      asset: string;
      at: string;
      /** @description findings this scan no longer reports: moved to fixed, awaiting verification */
      awaitingVerification: number;
      created: number;
      id: string;
      /** @description fixed, verified or closed findings this scan reports again */
      reopened: number;
      /** @description findings in the report (one per asset, package, version and vulnerability) */
      reported: number;
      /** @description Trivy: the result targets it judged */
      resultTargets: string[];
      scanner: components['schemas']['Scanner'];
      /** @description what the report scanned; a later import of the same asset and target judges its findings */
      target: string;
      unchanged: number;
      /** @description known findings whose severity, fix, title or description the scanner changed */
      updated: number;
    };
    VulnerabilityImportBody: {
      /** @description default: the report’s Trivy ArtifactName or Grype source target */
      asset?: string;
      /** @description the scanner’s JSON output as it wrote it (trivy --format json, grype -o json) */
      report: {
        [key: string]: unknown;
      };
      /** @description detected from the report when absent */
      scanner?: components['schemas']['Scanner'];
    };
    VulnerabilityImportPage: {
      imports: components['schemas']['VulnerabilityImport'][];
      nextCursor: components['schemas']['NextCursor'];
    };
    VulnerabilityImportResult: {
      import: components['schemas']['VulnerabilityImport'];
    };
    /**
     * @description Trivy UNKNOWN/LOW/MEDIUM/HIGH/CRITICAL and Grype Unknown/Negligible/Low/Medium/High/Critical, in lower case
     * @enum {string}
     */
    VulnerabilitySeverity: 'critical' | 'high' | 'medium' | 'low' | 'negligible' | 'unknown';
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
