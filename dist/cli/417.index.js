export const id = 417;
export const ids = [417];
export const modules = {

/***/ 2417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createAwsClients: () => (/* binding */ createAwsClients),
/* harmony export */   destroyAwsClients: () => (/* binding */ destroyAwsClients)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3711);
/* harmony import */ var _aws_sdk_client_translate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(765);
/**
 * The two SDK clients the engines use, built from settings. Both retry throttling themselves
 * (standard mode); the engines add their own longer retries on top.
 */


function createAwsClients(settings, options = {}) {
    const common = {
        region: settings.region,
        maxAttempts: options.maxAttempts ?? 5,
        retryMode: 'standard',
        ...(options.credentials ? { credentials: options.credentials } : {}),
    };
    const s3Endpoint = settings.s3Endpoint ?? settings.endpoint;
    const translateEndpoint = settings.translateEndpoint ?? settings.endpoint;
    return {
        translate: new _aws_sdk_client_translate__WEBPACK_IMPORTED_MODULE_0__/* .TranslateClient */ .mf({ ...common, ...(translateEndpoint ? { endpoint: translateEndpoint } : {}) }),
        s3: new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .S3Client */ .YxF({
            ...common,
            ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}),
            // Flexible checksums turn streamed uploads into aws-chunked bodies that S3-compatible stores
            // (and older proxies) keep verbatim; plain bodies work everywhere.
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
        }),
    };
}
function destroyAwsClients(clients) {
    clients.translate.destroy();
    clients.s3.destroy();
}


/***/ })

};
