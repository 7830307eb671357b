import React from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { ROUTES } from '../../constants';
import { Investigate } from '../../pages/Investigate';

export function App(_props: AppRootProps) {
  return (
    <Routes>
      <Route path={ROUTES.Investigate} element={<Investigate />} />
      <Route path="*" element={<Navigate to={ROUTES.Investigate} replace />} />
    </Routes>
  );
}
