import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { APP_VERSION } from './config/version';

/** The OpenAPI document, generated from the zod contracts the controllers validate with. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Postplan API')
    .setDescription(
      'Editorial calendar and post scheduler. Browsers authenticate with the session cookie and echo the ' +
        'postplan_csrf cookie in X-CSRF-Token on changes; scripts send Authorization: Bearer <token>. ' +
        'Errors are { "error": { "code", "message", "details" } }.',
    )
    .setVersion(APP_VERSION)
    .addBearerAuth()
    .addCookieAuth('postplan_session')
    .build();
  const document = cleanupOpenApiDoc(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs/openapi.json',
    useGlobalPrefix: false,
  });
}
