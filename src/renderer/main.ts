import { mount } from 'svelte';
import App from './app/App.svelte';
import { AppState } from './app/app-state.svelte';
import { connectToServices } from './lib/transport';
import './styles/global.css';

const state = new AppState(connectToServices());
mount(App, { target: document.getElementById('app')!, props: { state } });
